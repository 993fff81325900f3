package houston.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Runs a {@link Scenario} four times over the same world and seed: Houston's engine, the Route 53
 * failover baseline on standard and on fast health checks, and no action; works out the DNS
 * bound; then checks the objectives.
 */
public final class Drill {

    /** The policies, in the order the table shows them. */
    public static final List<String> POLICIES = List.of(HoustonPolicy.NAME, Route53FailoverPolicy.NAME,
            Route53FailoverPolicy.FAST, NoActionPolicy.NAME);

    private Drill() {
    }

    /** Runs every policy; {@code progress} hears the fraction done (0..1). */
    public static DrillResult run(Scenario scenario, HoustonSetup setup, DoubleConsumer progress) {
        List<RunResult> runs = new ArrayList<>();
        double length = scenario.length().toMillis();
        for (int i = 0; i < POLICIES.size(); i++) {
            int done = i;
            runs.add(runOne(scenario, setup, POLICIES.get(i),
                    ms -> progress.accept((done + ms / length) / POLICIES.size())));
        }
        double bound = DnsBound.failures(scenario, world(scenario, setup, new SplittableRandom(scenario.seed())));
        return new DrillResult(scenario, runs, bound, scenario.objectives().check(runs, bound));
    }

    /** One policy alone (the benchmark runs Houston only). */
    public static RunResult runOne(Scenario scenario, HoustonSetup setup, String policyName,
                                   java.util.function.LongConsumer progress) {
        // Each policy sees the same world randomness: the same seed, split the same way.
        SplittableRandom random = new SplittableRandom(scenario.seed());
        SimWorld world = world(scenario, setup, random);
        Policy policy = switch (policyName) {
            case HoustonPolicy.NAME -> new HoustonPolicy(setup.engine(), setup.topology(), scenario.start());
            case NoActionPolicy.NAME -> new NoActionPolicy();
            case Route53FailoverPolicy.NAME, Route53FailoverPolicy.FAST -> new Route53FailoverPolicy(policyName, world,
                    policyName.equals(Route53FailoverPolicy.FAST) ? scenario.baseline().fast() : scenario.baseline(),
                    scenario.start().toEpochMilli(), scenario.probeLoss(),
                    setup.probes().latencyObjective().toMillis(), random.split());
            default -> throw new IllegalArgumentException("policy " + policyName + " (expected: " + POLICIES + ")");
        };
        return new SimRun(scenario, setup, policy, world, random).run(progress);
    }

    /** The seeded world every policy of a drill runs in (its first split of the seed). */
    static SimWorld world(Scenario scenario, HoustonSetup setup, SplittableRandom random) {
        return new SimWorld(setup.topology(), new DemandModel(setup.topology(), scenario.start(),
                scenario.trough(), scenario.peakHour(), scenario.spikes()), scenario.faults(), scenario.dnsClients(),
                random.split());
    }
}
