package houston.core.engine;

import houston.core.TestTopologies;
import houston.core.config.DnsFallbackConfig;
import houston.core.config.DnsFallbackConfig.Mode;
import houston.core.config.EngineConfig;
import houston.core.model.TrafficPlan;
import houston.core.plan.FallbackReceivers;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two or three locations fail around a DNS API outage of random start and length: whenever the
 * data plane drops records, every receiver it loads carries what the floors DNS holds send it on
 * its ready instances (pre-scales land a lead time after they are asked for).
 */
class DataPlaneFloorsPropertyTest {

    private static final String[] ALL = {"vantage-a", "vantage-b", "vantage-c"};
    private static final int LEAD_SECONDS = 60;

    @Property(tries = 12, seed = "20261130")
    void noDroppedRecordSendsAReceiverMoreThanItsReadyInstancesCarry(
            @ForAll @Size(min = 2, max = 3) @UniqueElements List<@IntRange(min = 0, max = 14) Integer> failed,
            @ForAll @Size(3) List<@IntRange(min = 0, max = 300) Integer> failAt,
            @ForAll @IntRange(min = 0, max = 300) int apiDownAt,
            @ForAll @IntRange(min = 60, max = 900) int apiDownFor) {
        // 800 rps per catchment on 1,000 rps of ready instances: a third of a neighbour's catchment
        // (267 rps) overloads any receiver that has not grown.
        EngineHarness world = new EngineHarness(EngineConfig.defaults()
                .withDnsFallback(new DnsFallbackConfig(Mode.HEALTH_ENDPOINT, Duration.ofSeconds(30))),
                TestTopologies.equator(800, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14));
        world.confirmScaleUps = false;
        FallbackReceivers floors = new FallbackReceivers(world.topology, world.engine.config().planner());
        List<long[]> growing = new ArrayList<>();
        world.run(10);
        for (int t = 0; t < 900; t++) {
            world.controlPlaneDown = t >= apiDownAt && t < apiDownAt + apiDownFor;
            for (int i = 0; i < failed.size(); i++) {
                if (t == failAt.get(i)) {
                    world.breakLocation(world.topology.location(failed.get(i)).id(), ALL);
                }
            }
            int before = world.actions.size();
            world.tick();
            scaleUps(world, growing, before, t);
            assertReceiversCarryTheirFloors(world, floors, t);
        }
    }

    /** Pre-scales asked for this tick become ready {@link #LEAD_SECONDS} later. */
    private static void scaleUps(EngineHarness world, List<long[]> growing, int before, int t) {
        for (Action a : world.actions.subList(before, world.actions.size())) {
            if (a instanceof Action.PreScale s) {
                growing.add(new long[]{t + LEAD_SECONDS, world.topology.indexOf(s.location()), s.instances()});
            }
        }
        growing.removeIf(g -> {
            if (g[0] > t) {
                return false;
            }
            world.outcome(new ActionOutcome.ScaleResult(world.topology.location((int) g[1]).id(), (int) g[2],
                    ActionOutcome.ScaleStatus.READY, ""));
            return true;
        });
    }

    private static void assertReceiversCarryTheirFloors(EngineHarness world, FallbackReceivers floors, int t) {
        EngineState s = world.state;
        if (s.dnsFallback().live().isEmpty()) {
            return;
        }
        TrafficPlan inDns = s.dnsFallback().inDns() != null ? s.dnsFallback().inDns() : s.plan();
        double[][] rows = new double[inDns.size()][];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = inDns.row(c);
        }
        double[][] floored = floors.floored(rows);
        Set<Integer> dropped = new HashSet<>();
        s.dnsFallback().live().forEach(id -> dropped.add(world.topology.indexOf(id)));
        double[] without = FallbackReceivers.loads(floored, Set.of(), s.demand());
        double[] with = FallbackReceivers.loads(floored, dropped, s.demand());
        for (int r = 0; r < with.length; r++) {
            double ready = s.instances()[r] * world.topology.location(r).capacity().rpsPerInstance();
            assertTrue(dropped.contains(r) || with[r] <= without[r] + 1e-9 || with[r] <= ready + 1e-6,
                    "t=" + t + "s: " + world.topology.location(r).id() + " is sent " + with[r] + " rps on " + ready
                            + " of ready capacity with " + s.dnsFallback().live() + " dropped");
        }
    }
}
