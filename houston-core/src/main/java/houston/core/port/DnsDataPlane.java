package houston.core.port;

import houston.core.engine.ActionOutcome.FallbackEngaged;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Evacuates locations through the DNS provider's data plane (Route 53 health checks answered by
 * Houston, or ARC routing controls), for when the control plane that takes weight changes is down.
 * Implementations never block the caller's thread.
 */
public interface DnsDataPlane {

    /**
     * Makes exactly {@code locations} evacuated and every other location served by its records
     * again. Completes engaged = true once the data plane says so; false (with why) otherwise.
     */
    CompletionStage<FallbackEngaged> evacuate(List<String> locations);
}
