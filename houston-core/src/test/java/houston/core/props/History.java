package houston.core.props;

import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.engine.Inputs.CapacityReading;
import houston.core.engine.Inputs.DemandReading;
import houston.core.engine.OperatorCommand;
import houston.core.health.Outcome;
import houston.core.health.SignalStatus;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A history of engine ticks as a world would produce them. Ticks are symbolic where the inputs
 * depend on what the engine did: a publish outcome answers "the latest plan published", a scale
 * outcome "one of the pre-scales asked for", so a shrunk history still makes sense.
 * {@link HistoryRunner} turns it into concrete {@code Inputs}; {@code toString} prints it as the
 * Java that rebuilds it, so a shrunk counterexample pastes into an example test.
 */
public record History(List<Tick> ticks) {

    public History {
        ticks = List.copyOf(ticks);
    }

    public static History of(Tick... ticks) {
        return new History(List.of(ticks));
    }

    /**
     * One tick: time advances, the world changes, then the engine steps on what happened.
     *
     * @param advanceMillis time since the previous tick
     * @param changes       how probes see the world from now on
     * @param commands      operator commands, valid or not, as given
     * @param outcomes      what became of earlier actions
     * @param signals       service signals from inside locations
     * @param demand        demand readings, as given
     * @param capacity      capacity readings, as given
     */
    public record Tick(long advanceMillis, List<WorldChange> changes, List<OperatorCommand> commands,
                       List<OutcomeChoice> outcomes, List<SignalChoice> signals, List<DemandReading> demand,
                       List<CapacityReading> capacity) {

        public Tick {
            changes = List.copyOf(changes);
            commands = List.copyOf(commands);
            outcomes = List.copyOf(outcomes);
            signals = List.copyOf(signals);
            demand = List.copyOf(demand);
            capacity = List.copyOf(capacity);
        }

        /** A tick where only time passes and the probes report as before. */
        public static Tick after(long advanceMillis) {
            return new Tick(advanceMillis, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        public Tick with(WorldChange... more) {
            return new Tick(advanceMillis, List.of(more), commands, outcomes, signals, demand, capacity);
        }

        public Tick with(OperatorCommand... more) {
            return new Tick(advanceMillis, changes, List.of(more), outcomes, signals, demand, capacity);
        }

        public Tick with(OutcomeChoice... more) {
            return new Tick(advanceMillis, changes, commands, List.of(more), signals, demand, capacity);
        }

        public Tick with(SignalChoice... more) {
            return new Tick(advanceMillis, changes, commands, outcomes, List.of(more), demand, capacity);
        }

        public Tick with(DemandReading... more) {
            return new Tick(advanceMillis, changes, commands, outcomes, signals, List.of(more), capacity);
        }

        public Tick with(CapacityReading... more) {
            return new Tick(advanceMillis, changes, commands, outcomes, signals, demand, List.of(more));
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("Tick.after(").append(advanceMillis).append(')');
            append(s, changes);
            append(s, commands);
            append(s, outcomes);
            append(s, signals);
            append(s, demand);
            append(s, capacity);
            return s.toString();
        }

        private static void append(StringBuilder s, List<?> items) {
            if (!items.isEmpty()) {
                s.append(".with(").append(items.stream().map(JavaText::of).collect(Collectors.joining(", ")))
                        .append(')');
            }
        }
    }

    /** How the probes see the world from this tick on. */
    public sealed interface WorldChange {
    }

    /** Vantage {@code vantage} (index in the config, -1: every vantage) sees {@code outcome} at location {@code location}. */
    public record Probes(int vantage, int location, Outcome outcome) implements WorldChange {
    }

    /** Vantage {@code vantage} stops reporting (its agent died) or resumes. */
    public record Silent(int vantage, boolean silent) implements WorldChange {
    }

    /** Vantage {@code vantage} reports only results older than the window (its clock or queue lags), or recovers. */
    public record Stale(int vantage, boolean stale) implements WorldChange {
    }

    /**
     * The daemon restarts before this tick: its state is what replaying the journal rebuilds, with
     * what a restart forgets (an unconfirmed publish is sent again, a pending data-plane request is dropped).
     */
    public record Restart() implements WorldChange {
    }

    /** What became of an earlier action. */
    public sealed interface OutcomeChoice {
    }

    /** The newest plan published ends with {@code status}; {@code older}: an earlier one does (a late answer). */
    public record PublishOutcome(PublishStatus status, boolean older) implements OutcomeChoice {
    }

    /** The {@code pick}-th pending pre-scale (modulo how many are pending) is now {@code status}. */
    public record ScaleOutcome(int pick, ScaleStatus status) implements OutcomeChoice {
    }

    /** Service {@code service} at location {@code location} (index; past the last: unknown) reports {@code status}, {@code ageMillis} old. */
    public record SignalChoice(int location, String service, SignalStatus status, long ageMillis) {
    }

    @Override
    public String toString() {
        return "History.of(\n    " + ticks.stream().map(Tick::toString).collect(Collectors.joining(",\n    ")) + ")";
    }
}
