package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.port.Scaler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A scaler whose every request is READY at once: for tests about anything but scaling. */
final class ReadyScaler implements Scaler {

    @Override
    public CompletionStage<ActionOutcome.ScaleResult> scale(Action.PreScale r) {
        return CompletableFuture.completedFuture(new ActionOutcome.ScaleResult(r.location(), r.instances(),
                ActionOutcome.ScaleStatus.READY, "ready"));
    }

    @Override
    public CompletionStage<ActionOutcome.ScaleResult> scaleDown(Action.ScaleDown r) {
        return CompletableFuture.completedFuture(new ActionOutcome.ScaleResult(r.location(), r.instances(),
                ActionOutcome.ScaleStatus.READY, "down"));
    }
}
