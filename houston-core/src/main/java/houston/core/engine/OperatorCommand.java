package houston.core.engine;

import java.time.Duration;

/**
 * What a human asked for (Slack, CLI, API). A null duration means the configured default
 * override duration. {@code by} is who asked, recorded with every decision it causes.
 */
public sealed interface OperatorCommand {

    String by();

    /** Evacuate {@code location} now and keep it evacuated for {@code duration}. */
    record Evacuate(String location, Duration duration, String reason, String by) implements OperatorCommand {
    }

    /** Start failing {@code location} back now (stepped), skipping the up-hold; clears its pin. */
    record Restore(String location, String by) implements OperatorCommand {
    }

    /** Stop automatic traffic moves for {@code duration}; operators can still act. */
    record Freeze(Duration duration, String reason, String by) implements OperatorCommand {
    }

    record Unfreeze(String by) implements OperatorCommand {
    }

    /** Pin {@code location} to {@code target} for {@code duration}; {@code reason} may be null. */
    record Pin(String location, PinTarget target, Duration duration, String reason, String by) implements OperatorCommand {

        public Pin(String location, PinTarget target, Duration duration, String by) {
            this(location, target, duration, null, by);
        }
    }

    record Unpin(String location, String by) implements OperatorCommand {
    }
}
