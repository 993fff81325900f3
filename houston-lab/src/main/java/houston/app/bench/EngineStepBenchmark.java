package houston.app.bench;

import houston.core.config.EngineConfig;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.Step;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One engine step on a quiet tick: {@code locations} × 3 vantages × 10 canary targets, every
 * target probed once in the tick (the daemon's 1 s default), on a state warmed with 10 s of
 * history. The {@code evacuation} variant adds one location failing from every vantage for long
 * enough that this very step decides, plans, pre-scales and publishes its evacuation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineStepBenchmark {

    static final int VANTAGES = 3;
    static final int TARGETS = 10;

    @Param({"15", "200"})
    public int locations;

    private DecisionEngine engine;
    private EngineState quietState;
    private Inputs quietInputs;
    private EngineState failingState;
    private Inputs failingInputs;
    private Instant now;

    @Setup
    public void setUp() {
        Topology topology = grid(locations);
        List<String> vantages = List.of("v-0", "v-1", "v-2");
        EngineConfig config = EngineConfig.defaults().withHealth(EngineConfig.defaults().health().withVantages(vantages, 2));
        engine = new DecisionEngine(config, topology);
        Instant start = Instant.parse("2026-11-22T00:00:00Z");
        EngineState quiet = engine.initialState(start);
        EngineState failing = quiet;
        for (int s = 1; s <= 10; s++) {
            Instant t = start.plusSeconds(s);
            quiet = engine.step(quiet, observations(topology, vantages, t, null), t).next();
            // The victim fails from second 8 on: SUSPECT at 10, evacuated on the measured step at 12.
            failing = engine.step(failing, observations(topology, vantages, t, s >= 8 ? "loc-000" : null), t).next();
        }
        now = start.plusSeconds(11);
        quietInputs = observations(topology, vantages, now, null);
        failingInputs = observations(topology, vantages, now, "loc-000");
        quietState = quiet;
        failingState = engine.step(failing, failingInputs, now).next();
        now = now.plusSeconds(1);
    }

    @Benchmark
    public Step quietTick() {
        return engine.step(quietState, quietInputs, now);
    }

    @Benchmark
    public Step evacuationTick() {
        return engine.step(failingState, failingInputs, now);
    }

    static Inputs observations(Topology topology, List<String> vantages, Instant at, String failing) {
        List<Observation> obs = new ArrayList<>(topology.size() * vantages.size() * TARGETS);
        for (String v : vantages) {
            for (String l : topology.ids()) {
                Outcome o = l.equals(failing) ? Outcome.CONNECT_ERROR : Outcome.OK;
                for (int t = 0; t < TARGETS; t++) {
                    obs.add(new Observation(v, l, "site-" + t, at, o, Duration.ofMillis(30)));
                }
            }
        }
        return Inputs.observations(obs);
    }

    /** {@code n} identical locations on a lat/lon grid, ids loc-000…, each sized for its own demand. */
    static Topology grid(int n) {
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lat = -60 + (i / 20) * (120.0 / Math.max(1, (n + 19) / 20));
            double lon = -170 + (i % 20) * 17;
            locations.add(new Location(String.format("loc-%03d", i), "Location " + i, new GeoPoint(lat, lon),
                    List.of("192.0.2.1"), 10_000, new CapacityModel(32, 500, 4, 80, 0.65, Duration.ofMinutes(4))));
        }
        return Topology.greatCircle(locations);
    }
}
