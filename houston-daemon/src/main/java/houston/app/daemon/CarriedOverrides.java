package houston.app.daemon;

import houston.core.engine.OperatorCommand;
import houston.core.engine.Overrides;
import houston.core.engine.PinTarget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operators' pins and freeze of a journal the daemon cannot continue from (it disagrees with DNS,
 * or its start checkpoint is damaged), as the commands that set them again, each for what is left of
 * it. An override is an operator's intent, not a fact about DNS: starting from DNS once dropped them,
 * so a location pinned out came back on its own after a restart. Given again as commands, they are
 * journaled after the new start checkpoint like any command, so the next restart replays them too.
 */
final class CarriedOverrides {

    private CarriedOverrides() {
    }

    /** The commands that set {@code overrides} again at {@code nowMs}; those expired by then are dropped. */
    static List<OperatorCommand> of(Overrides overrides, long nowMs) {
        List<OperatorCommand> commands = new ArrayList<>();
        for (Map.Entry<String, Overrides.PinOverride> e : overrides.pins().entrySet()) {
            Overrides.PinOverride pin = e.getValue();
            if (pin.until() <= nowMs) {
                continue;
            }
            Duration left = Duration.ofMillis(pin.until() - nowMs);
            commands.add(pin.target() == PinTarget.EVACUATED && pin.reason() != null && !pin.setByPin()
                    ? new OperatorCommand.Evacuate(e.getKey(), left, pin.reason(), pin.by())
                    : new OperatorCommand.Pin(e.getKey(), pin.target(), left, pin.pinReason(), pin.by()));
        }
        if (overrides.frozen(nowMs)) {
            commands.add(new OperatorCommand.Freeze(Duration.ofMillis(overrides.frozenUntil() - nowMs), null,
                    overrides.frozenBy()));
        }
        return commands;
    }
}
