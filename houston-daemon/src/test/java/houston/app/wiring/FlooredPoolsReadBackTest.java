package houston.app.wiring;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.dns.records.PoolLayout;
import houston.dns.records.RecordSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a (re)starting replica reads back from pools published with data-plane floors (the
 * shipped topology, fallback = health-endpoint): a pool at home must read at home, or the
 * replica starts with a phantom evacuation and later "fails back" a location that never left.
 */
class FlooredPoolsReadBackTest {

    private static final Instant T0 = Instant.parse("2026-12-01T05:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aPoolAtHomeReadsAtHomeWhileTwoOthersAreEvacuated() throws Exception {
        HoustonSettings settings = fallbackOn();
        PoolLayout layout = DnsSwitchFactory.layout(settings);
        TrafficPlan plan = evacuated(settings, "ca-central-1", "us-east-1");

        TrafficPlan live = layout.plan(layout.records(plan));

        assertEquals(Map.of("ap-south-1", 1.0), live.toMap().get("ap-south-1"));
    }

    @Test
    void everyPoolAtHomeReadsAtHomeWhateverTwoLocationsAreEvacuated() throws Exception {
        HoustonSettings settings = fallbackOn();
        Topology topology = settings.topology();
        PoolLayout layout = DnsSwitchFactory.layout(settings);
        List<String> misread = new ArrayList<>();
        for (int a = 0; a < topology.size(); a++) {
            for (int b = a + 1; b < topology.size(); b++) {
                TrafficPlan plan = evacuated(settings, topology.location(a).id(), topology.location(b).id());

                TrafficPlan live = layout.plan(layout.records(plan));

                for (int c = 0; c < topology.size(); c++) {
                    if (plan.isHome(c) && !live.isHome(c)) {
                        misread.add(topology.location(c).id() + " with " + topology.location(a).id() + " and "
                                + topology.location(b).id() + " out: " + live.toMap().get(topology.location(c).id()));
                    }
                }
            }
        }
        assertEquals(List.of(), misread);
    }

    @Test
    void aPoolWhoseHomeIsFullButAnotherHoldsMoreThanFloorsIsNotReadAtHome() throws Exception {
        HoustonSettings settings = fallbackOn();
        PoolLayout layout = DnsSwitchFactory.layout(settings);
        List<RecordSet> zone = new ArrayList<>();
        for (RecordSet r : layout.records(TrafficPlan.identity(settings.topology().ids(), 0))) {
            boolean edited = r.name().equals(layout.poolName("ap-south-1")) && "me-central-1".equals(r.setIdentifier());
            // A human gave me-central-1 half of Mumbai's pool by hand: that is a plan, not a floor.
            zone.add(edited ? new RecordSet(r.name(), r.type(), r.setIdentifier(), 255L, r.ttl(), r.values()) : r);
        }

        TrafficPlan live = layout.plan(zone);

        assertEquals(0.5, live.fraction("ap-south-1", "me-central-1"), 0.01);
    }

    /** The plan the engine publishes when an operator evacuates both locations. */
    private static TrafficPlan evacuated(HoustonSettings settings, String first, String second) {
        DecisionEngine engine = new DecisionEngine(settings.engine(), settings.topology());
        EngineState state = engine.step(engine.initialState(T0), Inputs.commands(
                new OperatorCommand.Evacuate(first, Duration.ofHours(2), "drill", "alice"),
                new OperatorCommand.Evacuate(second, Duration.ofHours(2), "drill", "alice")), T0).next();
        return state.plan();
    }

    private HoustonSettings fallbackOn() throws Exception {
        Path conf = dir.resolve("houston.conf");
        Files.writeString(conf, "houston.dns { fallback = health-endpoint, fallback-after = 10s }\n");
        return HoustonConfigLoader.load(conf);
    }
}
