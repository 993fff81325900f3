package houston.core.props;

import houston.core.config.EngineConfig;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.engine.Inputs.CapacityReading;
import houston.core.engine.Inputs.DemandReading;
import houston.core.engine.OperatorCommand;
import houston.core.engine.PinTarget;
import houston.core.health.Outcome;
import houston.core.health.SignalStatus;
import houston.core.model.Topology;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.util.List;

/**
 * Random histories over one topology and config. Most ticks are a quiet second; some move time
 * by minutes (holds, timeouts and override expiry come due), break or heal locations for some or
 * all vantages, silence a vantage or make it stale, restart the daemon, and carry operator commands (unknown
 * locations, zero and negative durations included), publish and scale outcomes, service
 * signals and demand and capacity readings (out-of-range values included).
 */
public final class HistoryGenerator {

    private final Topology topology;
    private final int vantages;
    private final List<String> ids;

    public HistoryGenerator(Topology topology, EngineConfig config) {
        this.topology = topology;
        this.vantages = config.health().vantages().size();
        this.ids = topology.ids();
    }

    /** Between one and {@code maxTicks} ticks. */
    public Arbitrary<History> histories(int maxTicks) {
        return tick().list().ofMinSize(1).ofMaxSize(maxTicks).map(History::new);
    }

    private Arbitrary<History.Tick> tick() {
        return Combinators.combine(advance(), sometimes(5, change(), 3), sometimes(8, command(), 3),
                sometimes(3, outcome(), 3), sometimes(10, signal(), 2), sometimes(12, demand(), 2),
                sometimes(12, capacity(), 2)).as(History.Tick::new);
    }

    /** Empty {@code quietWeight} times out of {@code quietWeight + 1}, else one to {@code max} items. */
    private static <T> Arbitrary<List<T>> sometimes(int quietWeight, Arbitrary<T> item, int max) {
        return Arbitraries.frequencyOf(Tuple.of(quietWeight, Arbitraries.just(List.<T>of())),
                Tuple.of(1, item.list().ofMinSize(1).ofMaxSize(max)));
    }

    private static Arbitrary<Long> advance() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1000L)),
                Tuple.of(3, Arbitraries.longs().between(0, 5_000)),
                Tuple.of(2, Arbitraries.longs().between(5_000, 120_000)),
                Tuple.of(1, Arbitraries.longs().between(120_000, 1_800_000)));
    }

    private Arbitrary<History.WorldChange> change() {
        Arbitrary<Integer> vantage = Arbitraries.integers().between(0, vantages - 1);
        Arbitrary<History.WorldChange> probes = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(-1)), Tuple.of(2, vantage)),
                Arbitraries.integers().between(0, topology.size() - 1),
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Outcome.OK)),
                        Tuple.of(3, Arbitraries.just(Outcome.CONNECT_ERROR)), Tuple.of(2, Arbitraries.of(Outcome.class))))
                .as(History.Probes::new);
        Arbitrary<History.WorldChange> silent = Combinators.combine(vantage, Arbitraries.of(true, false))
                .as(History.Silent::new);
        Arbitrary<History.WorldChange> stale = Combinators.combine(vantage, Arbitraries.of(true, false))
                .as(History.Stale::new);
        return Arbitraries.frequencyOf(Tuple.of(6, probes), Tuple.of(1, silent), Tuple.of(1, stale),
                Tuple.of(1, Arbitraries.just(new History.Restart())));
    }

    private Arbitrary<OperatorCommand> command() {
        Arbitrary<String> location = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(ids)),
                Tuple.of(1, Arbitraries.just(HistoryRunner.UNKNOWN_LOCATION)));
        Arbitrary<Duration> duration = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((Duration) null)),
                Tuple.of(1, Arbitraries.of(Duration.ZERO, Duration.ofSeconds(-30))),
                Tuple.of(4, Arbitraries.longs().between(1, 7200).map(Duration::ofSeconds)));
        Arbitrary<String> reason = Arbitraries.of("drill", "", "db failover").injectNull(0.1);
        Arbitrary<String> by = Arbitraries.of("U-ops", "U-oncall");
        return Arbitraries.oneOf(
                Combinators.combine(location, duration, reason, by).as(OperatorCommand.Evacuate::new),
                Combinators.combine(location, by).as(OperatorCommand.Restore::new),
                Combinators.combine(duration, reason, by).as(OperatorCommand.Freeze::new),
                by.map(OperatorCommand.Unfreeze::new),
                Combinators.combine(location, Arbitraries.of(PinTarget.class), duration, by).as(OperatorCommand.Pin::new),
                Combinators.combine(location, by).as(OperatorCommand.Unpin::new));
    }

    private static Arbitrary<History.OutcomeChoice> outcome() {
        Arbitrary<History.OutcomeChoice> publish = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(PublishStatus.INSYNC)),
                        Tuple.of(3, Arbitraries.just(PublishStatus.FAILED)),
                        Tuple.of(2, Arbitraries.just(PublishStatus.ACCEPTED)),
                        Tuple.of(1, Arbitraries.just(PublishStatus.LOST_OWNERSHIP))),
                Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true))))
                .as(History.PublishOutcome::new);
        Arbitrary<History.OutcomeChoice> scale = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(ScaleStatus.READY)),
                        Tuple.of(3, Arbitraries.of(ScaleStatus.class))))
                .as(History.ScaleOutcome::new);
        return Arbitraries.frequencyOf(Tuple.of(3, publish), Tuple.of(2, scale));
    }

    private Arbitrary<History.SignalChoice> signal() {
        return Combinators.combine(Arbitraries.integers().between(0, topology.size()), Arbitraries.of("db", "queue"),
                Arbitraries.of(SignalStatus.class), Arbitraries.longs().between(0, 120_000))
                .as(History.SignalChoice::new);
    }

    private Arbitrary<DemandReading> demand() {
        // A fraction of the peak, from none to twice it; a negative fraction stands for an invalid reading of -1 rps.
        return Combinators.combine(Arbitraries.integers().between(0, topology.size() - 1),
                Arbitraries.doubles().between(-0.05, 2).ofScale(2))
                .as((l, f) -> new DemandReading(ids.get(l), f < 0 ? -1 : f * topology.location(l).peakDemandRps()));
    }

    private Arbitrary<CapacityReading> capacity() {
        return Arbitraries.integers().between(0, topology.size() - 1).flatMap(l -> Arbitraries.integers()
                .between(-1, topology.location(l).capacity().maxInstances())
                .map(instances -> new CapacityReading(ids.get(l), instances)));
    }
}
