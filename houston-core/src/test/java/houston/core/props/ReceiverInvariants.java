package houston.core.props;

import houston.core.config.EngineConfig;
import houston.core.engine.Action;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.PinTarget;
import houston.core.engine.Step;
import houston.core.health.HealthReport;
import houston.core.model.LocationState;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;

import java.time.Instant;
import java.util.Locale;

import static houston.core.props.EngineInvariants.check;

/** What must hold for the locations that take other catchments' traffic. */
final class ReceiverInvariants {

    /** Rounding slack on requests/s compared with a capacity. */
    private static final double RPS_SLACK = 1e-6;

    private final Topology topology;
    private final EngineConfig config;

    ReceiverInvariants(DecisionEngine engine) {
        this.topology = engine.topology();
        this.config = engine.config();
    }

    /**
     * A location given more of another catchment in this step serves, under the new plan, no more
     * than its largest allowed fleet at target utilisation.
     */
    void noneBeyondMaximum(int tick, EngineState before, EngineState next) {
        double[] loads = next.plan().loads(next.demand());
        for (int s = 0; s < topology.size(); s++) {
            if (!gainedOthers(before.plan(), next.plan(), s)) {
                continue;
            }
            double max = topology.location(s).capacity().maxRpsAtTarget();
            check(loads[s] <= max * (1 + 1e-9) + RPS_SLACK, tick, Invariant.RECEIVERS_WITHIN_MAXIMUM,
                    String.format(Locale.ROOT, "%s planned at %.1f rps, its maximum at target is %.1f rps",
                            topology.location(s).id(), loads[s], max));
        }
    }

    /**
     * A location given more of another catchment in this step serves, under the new plan, no more
     * than its ready instances do at 100%: a failover never overloads a healthy location, whether
     * its pre-scale is pending, failed or timed out.
     */
    void noneBeyondReadyCapacity(int tick, EngineState before, EngineState next) {
        double[] loads = next.plan().loads(next.demand());
        for (int s = 0; s < topology.size(); s++) {
            if (!gainedOthers(before.plan(), next.plan(), s)) {
                continue;
            }
            double ready = next.instances()[s] * topology.location(s).capacity().rpsPerInstance();
            check(loads[s] <= ready * (1 + 1e-9) + RPS_SLACK, tick, Invariant.RECEIVERS_WITHIN_READY_CAPACITY,
                    String.format(Locale.ROOT, "%s planned at %.1f rps, its %d ready instances serve %.1f rps",
                            topology.location(s).id(), loads[s], next.instances()[s], ready));
        }
    }

    /**
     * A scale-down never leaves a location below what its own current demand needs at target utilisation:
     * whatever a receiver gives back, its own users keep their capacity.
     */
    void scaleDownsKeepOwnDemand(int tick, Step step) {
        for (Action.ScaleDown d : step.actionsOf(Action.ScaleDown.class)) {
            int r = topology.indexOf(d.location());
            int own = topology.location(r).capacity().instancesFor(step.next().demand()[r]);
            check(d.instances() >= own, tick, Invariant.SCALE_DOWN_KEEPS_OWN_DEMAND, String.format(Locale.ROOT,
                    "%s scaled down to %d instances, its own %.1f rps need %d", d.location(), d.instances(),
                    step.next().demand()[r], own));
        }
    }

    private boolean gainedOthers(TrafficPlan before, TrafficPlan after, int s) {
        for (int c = 0; c < topology.size(); c++) {
            if (c != s && after.fraction(c, s) > before.fraction(c, s) + 1e-12) {
                return true;
            }
        }
        return false;
    }

    /**
     * No catchment is planned onto another location that has been bad past the down-hold while a
     * good location with ready room for that share exists. Room is what its ready instances take
     * now (interim ceiling, within its maximum), not what it could take once scaled: moving a share
     * onto instances that are not there would break {@link #noneBeyondReadyCapacity}, so a share
     * waits on a bad receiver only while the pre-scales it waits for land. Frozen automation,
     * fail-static (observers suspect) and an operator's healthy pin on the receiver are the stated
     * exceptions.
     */
    void noneBadWhileAGoodOneHasRoom(int tick, EngineState before, EngineState next, Instant now) {
        long t = now.toEpochMilli();
        if (next.failStatic() || next.overrides().frozen(t) || config.safety().dryRun()) {
            return;
        }
        HealthReport report = next.report();
        double[] loads = next.plan().loads(next.demand());
        for (int s = 0; s < topology.size(); s++) {
            long badSince = next.track(s).badSince();
            boolean longBad = report.isBad(s) && before.report().isBad(s) && badSince >= 0
                    && t - badSince >= config.hysteresis().downHold().toMillis();
            if (!longBad || next.overrides().pin(topology.location(s).id()) == PinTarget.HEALTHY) {
                continue;
            }
            for (int c = 0; c < topology.size(); c++) {
                double share = next.plan().fraction(c, s);
                if (c == s || share <= 1e-9) {
                    continue;
                }
                int good = goodWithRoom(next, loads, c, s, next.demand()[c] * share);
                check(good < 0, tick, Invariant.NO_CATCHMENT_ON_BAD_RECEIVER,
                        String.format(Locale.ROOT, "%.4f of %s's users sent to %s (bad for %d ms) while %s is good "
                                        + "with room", share, topology.location(c).id(), topology.location(s).id(),
                                t - badSince, good < 0 ? "-" : topology.location(good).id()));
            }
        }
    }

    private int goodWithRoom(EngineState next, double[] loads, int c, int s, double rps) {
        HealthReport report = next.report();
        for (int g = 0; g < topology.size(); g++) {
            boolean eligible = g != c && g != s && next.track(g).state() == LocationState.HEALTHY
                    && !Double.isNaN(report.score(g)) && !report.isBad(g)
                    && next.overrides().pin(topology.location(g).id()) != PinTarget.EVACUATED;
            if (eligible && topology.location(g).capacity().rpsWhileScaling(next.instances()[g]) - loads[g] >= rps) {
                return g;
            }
        }
        return -1;
    }
}
