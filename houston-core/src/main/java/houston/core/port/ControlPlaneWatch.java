package houston.core.port;

import houston.core.engine.Inputs.ControlPlaneReading;

import java.util.concurrent.CompletionStage;

/**
 * One cheap read of the DNS provider's control plane, the API every publish goes through, so that
 * its outage is known before a location dies and a publish is needed. Implementations answer from
 * their own thread with a short timeout and no retry loop: a read that is late is a failed read.
 */
public interface ControlPlaneWatch {

    /**
     * Reads once. Completes normally in every case: ok, or not ok with the provider's error.
     *
     * @param atMs when the read is sent (epoch ms, the caller's clock): a failure began then
     */
    CompletionStage<ControlPlaneReading> read(long atMs);
}
