package houston.sim;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;
import houston.core.engine.Explanation;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.health.ServiceSignal;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link Route53Baseline} in the loop: its checkers probe the true world (same failure model and
 * loss as Houston's vantages), and it moves a failed location's whole catchment to the fixed
 * secondary with no capacity check and no pre-scaling, and straight back once healthy. Failover
 * is evaluated inside Route 53, so its plan changes do not go through the DNS API (nor its faults).
 */
final class Route53FailoverPolicy implements Policy {

    static final String NAME = "route53-failover";
    /** The same failover on Route 53's fast (10 s) health checks. */
    static final String FAST = "route53-fast";
    /** Both baselines: objectives compare Houston with the better of them. */
    static final List<String> BASELINES = List.of(NAME, FAST);

    /** Route 53 health checkers give an endpoint 4 s to connect and 2 s more to answer. */
    private static final double CHECK_TIMEOUT_MS = 6000;

    private final String name;

    private final SimWorld world;
    private final Route53Baseline config;
    private final SplittableRandom random;
    private final double loss;
    private final double latencyObjectiveMs;
    private final long start;
    private final int n;
    private final int[] secondary;
    private final long[][] nextCheck;
    private final int[][] streak;
    private final boolean[][] checkerHealthy;
    private final boolean[] failedOver;
    private long generation;

    Route53FailoverPolicy(String name, SimWorld world, Route53Baseline config, long startEpochMs, double loss,
                          double latencyObjectiveMs, SplittableRandom random) {
        this.name = name;
        this.world = world;
        this.config = config;
        this.random = random;
        this.loss = loss;
        this.latencyObjectiveMs = latencyObjectiveMs;
        this.start = startEpochMs;
        Topology t = world.topology();
        n = t.size();
        secondary = new int[n];
        nextCheck = new long[config.checkers()][n];
        streak = new int[config.checkers()][n];
        checkerHealthy = new boolean[config.checkers()][n];
        failedOver = new boolean[n];
        long interval = config.interval().toMillis();
        for (int l = 0; l < n; l++) {
            String named = config.secondaries().get(t.location(l).id());
            secondary[l] = named != null ? t.indexOf(named) : t.neighbour(l, 0);
            for (int c = 0; c < config.checkers(); c++) {
                nextCheck[c][l] = random.nextLong(interval);
                checkerHealthy[c][l] = true;
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Route 53 evaluates failover itself: no API call, no API faults. */
    @Override
    public boolean usesDnsApi() {
        return false;
    }

    @Override
    public List<Action> tick(Instant now, List<Observation> observations, List<ServiceSignal> signals,
                             List<ActionOutcome> outcomes) {
        long ms = now.toEpochMilli() - start;
        check(ms);
        List<Action> actions = new ArrayList<>();
        boolean changed = false;
        for (int l = 0; l < n; l++) {
            boolean fail = !healthy(l) && healthy(secondary[l]);
            if (fail != failedOver[l]) {
                failedOver[l] = fail;
                changed = true;
                String id = world.topology().location(l).id();
                String to = world.topology().location(secondary[l]).id();
                actions.add(new Action.Notify(new Decision(now, id, fail ? DecisionKind.EVACUATION_DECIDED
                        : DecisionKind.RESTORED, id + "@" + name, fail ? id + " unhealthy: all traffic to " + to
                        : id + " healthy again: traffic back", false, new Explanation(null, null, List.of(), List.of()))));
            }
        }
        if (changed) {
            actions.add(new Action.PublishPlan(plan(), "route53 failover"));
        }
        return actions;
    }

    private void check(long ms) {
        long interval = config.interval().toMillis();
        for (int c = 0; c < config.checkers(); c++) {
            for (int l = 0; l < n; l++) {
                while (nextCheck[c][l] <= ms) {
                    Outcome o = world.probe(l, nextCheck[c][l], loss, latencyObjectiveMs, CHECK_TIMEOUT_MS, random);
                    record(c, l, o == Outcome.OK || o == Outcome.SLOW);
                    nextCheck[c][l] += interval;
                }
            }
        }
    }

    private void record(int c, int l, boolean ok) {
        if (ok == checkerHealthy[c][l]) {
            streak[c][l] = 0;
        } else if (++streak[c][l] >= config.failureThreshold()) {
            checkerHealthy[c][l] = ok;
            streak[c][l] = 0;
        }
    }

    private boolean healthy(int l) {
        int yes = 0;
        for (int c = 0; c < config.checkers(); c++) {
            if (checkerHealthy[c][l]) {
                yes++;
            }
        }
        return yes > config.healthyFraction() * config.checkers();
    }

    private TrafficPlan plan() {
        java.util.Map<Integer, double[]> rows = new java.util.HashMap<>();
        for (int l = 0; l < n; l++) {
            if (failedOver[l]) {
                double[] row = new double[n];
                row[secondary[l]] = 1.0;
                rows.put(l, row);
            }
        }
        TrafficPlan plan = TrafficPlan.identity(world.topology().ids(), generation).withRows(rows);
        generation = plan.generation();
        return plan;
    }
}
