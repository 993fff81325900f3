package houston.core.port;

import houston.core.engine.Action.PreScale;
import houston.core.engine.ActionOutcome.ScaleResult;

import java.util.concurrent.CompletionStage;

/**
 * Grows a location's fleet before traffic arrives (Kubernetes, a webhook, or the lab model).
 * Idempotent: asking twice for the same target is one change.
 */
public interface Scaler {

    /**
     * Asks for at least {@code request.instances()} at {@code request.location()}. Completes when
     * they are READY, or FAILED / TIMED_OUT; never blocks the caller's thread.
     */
    CompletionStage<ScaleResult> scale(PreScale request);

    /** Returns a location to its own size once nothing relies on its extra capacity. */
    CompletionStage<ScaleResult> scaleDown(houston.core.engine.Action.ScaleDown request);
}
