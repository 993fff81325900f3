package houston.slack.commands;

import houston.core.engine.OperatorCommand;
import houston.core.engine.PinTarget;

import java.time.Duration;

/** A {@code /houston} command line, understood. */
public sealed interface ParsedCommand {

    /** status, weights, explain LOC, drill SCENARIO, help: open to the whole workspace. */
    record ReadOnly(String verb, String argument) implements ParsedCommand {
    }

    /**
     * A command that moves traffic or stops automation: allowlisted users only, after a
     * confirmation button. {@code duration} null means the configured default.
     */
    record Mutation(String verb, String location, PinTarget target, Duration duration, String reason)
            implements ParsedCommand {

        /** The engine command, recording {@code by} — who confirmed it. */
        public OperatorCommand toCommand(String by) {
            return switch (verb) {
                case "evacuate" -> new OperatorCommand.Evacuate(location, duration, reason, by);
                case "restore" -> new OperatorCommand.Restore(location, by);
                case "freeze" -> new OperatorCommand.Freeze(duration, reason, by);
                case "unfreeze" -> new OperatorCommand.Unfreeze(by);
                case "pin" -> new OperatorCommand.Pin(location, target, duration, reason, by);
                default -> throw new IllegalStateException("not a mutation: " + verb);
            };
        }

        /** What it does, in words, for the confirmation and the record. */
        public String describe() {
            StringBuilder s = new StringBuilder(verb);
            if (location != null) {
                s.append(' ').append(location);
            }
            if (target != null) {
                s.append(' ').append(target.name().toLowerCase());
            }
            s.append(duration == null ? (verb.equals("restore") || verb.equals("unfreeze") ? "" : " (default duration)")
                    : " for " + CommandParser.format(duration));
            if (reason != null && !reason.isBlank()) {
                s.append(": ").append(reason);
            }
            return s.toString();
        }
    }

    /** Not understood; {@code message} says why and what would be. */
    record Invalid(String message) implements ParsedCommand {
    }
}
