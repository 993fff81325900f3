package houston.core.engine;

import houston.core.model.CapacityModel;
import houston.core.model.TrafficPlan;
import houston.core.plan.FallbackReceivers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether the receivers can carry what the data plane would send them. Dropping a location's
 * records moves its whole catchment within a TTL to the floors DNS holds, which were chosen when
 * the weights were last published: blind to a receiver that has since taken another evacuation
 * by the data plane, and never smaller than a whole unit of weight. So, while publishes fail,
 * every floor receiver is grown in advance to carry its share of any one more pool, and a
 * location is evacuated through the data plane only once every receiver its drop would load
 * carries that on its ready instances; until then it waits for their pre-scales, told once in its
 * thread. The line is 100% of the ready instances, not the 90% interim ceiling of a shift through
 * the weights: a shift can move part of a catchment and leave the rest, a dropped record moves all
 * of it, and every user of a dead location fails while it waits. O(locations³) per step while publishes fail.
 */
final class DataPlaneRoom {

    /** The once-per-incident key of a data-plane wait, among the track's held reasons. */
    static final String WAIT = "data-plane receivers";
    /** The once-per-incident key of a data-plane wait given up on: the receivers did not grow in time. */
    static final String WAITED_OUT = "data-plane receivers waited out";

    private final FallbackReceivers floors;

    DataPlaneRoom(FallbackReceivers floors) {
        this.floors = floors;
    }

    /**
     * Of {@code wanted}, the locations the data plane may evacuate now: those it evacuates already,
     * then each other one whose drop overloads no receiver's ready instances. For one that waits,
     * the receivers short of room are asked to grow. Sorted by id.
     */
    List<String> admit(StepContext ctx, List<String> wanted) {
        double[][] floored = floors.floored(rows(inDns(ctx)));
        Set<Integer> dropped = new HashSet<>();
        List<String> admitted = new ArrayList<>();
        for (String id : wanted) {
            if (ctx.fallback.live().contains(id)) {
                // Released, its users would go back to a location that is still out.
                dropped.add(ctx.topology.indexOf(id));
                admitted.add(id);
            }
        }
        for (String id : wanted) {
            int l = ctx.topology.indexOf(id);
            if (dropped.contains(l)) {
                continue;
            }
            Set<Integer> with = new HashSet<>(dropped);
            with.add(l);
            List<String> short_ = shortOfRoom(ctx, floored, dropped, with, l);
            if (short_.isEmpty() || waitedOut(ctx, l, short_)) {
                dropped = with;
                admitted.add(id);
            } else if (!ctx.tracks[l].heldReasons().contains(WAIT)) {
                ctx.tracks[l] = ctx.tracks[l].withHeldReason(WAIT);
                ctx.notify(l, DecisionKind.EVACUATION_HELD, "DNS API down; " + id + " waits to be evacuated through "
                        + ctx.config.dnsFallback().mode().label() + " (data plane) until " + String.join(", ", short_)
                        + " can carry it: dropping its records would send them its users before they have grown",
                        List.of(), List.of());
            }
        }
        return admitted.stream().sorted().toList();
    }

    /**
     * True when dead {@code l} has waited {@code houston.planner.prescale-timeout} for {@code short_} to grow
     * since it could first be dropped: their scaler is failing or far slower than its lead time, and every
     * one of its users fails at home while it waits, where a receiver past its ready instances fails only
     * its excess. Told once: what it is dropped onto, and that they are short.
     */
    private static boolean waitedOut(StepContext ctx, int l, List<String> short_) {
        long droppableSince = Math.max(ctx.tracks[l].since(),
                ctx.fallback.apiFailingSince() + ctx.config.dnsFallback().after().toMillis());
        long timeout = ctx.config.planner().prescaleTimeout().toMillis();
        if (ctx.report.score(l) > ctx.config.hysteresis().deadThreshold() || ctx.now - droppableSince < timeout) {
            return false;
        }
        if (!ctx.tracks[l].heldReasons().contains(WAITED_OUT)) {
            ctx.tracks[l] = ctx.tracks[l].withHeldReason(WAITED_OUT);
            ctx.notify(l, DecisionKind.SCALE_UPDATE, "DNS API down; " + ctx.id(l) + " is dead and "
                    + String.join(", ", short_) + " did not grow within prescale-timeout (" + DnsFallbackTracker.human(timeout)
                    + "): dropped through " + ctx.config.dnsFallback().mode().label() + " (data plane) onto their ready "
                    + "instances, which it overloads: every one of its users fails at home, an overloaded receiver "
                    + "fails its excess", List.of(), List.of());
        }
        return true;
    }

    /** The receivers whose ready instances cannot carry what dropping {@code with} adds; each is asked to grow. */
    private static List<String> shortOfRoom(StepContext ctx, double[][] floored, Set<Integer> before,
                                            Set<Integer> with, int evacuee) {
        double[] was = FallbackReceivers.loads(floored, before, ctx.demand);
        double[] will = FallbackReceivers.loads(floored, with, ctx.demand);
        List<String> short_ = new ArrayList<>();
        for (int r = 0; r < will.length; r++) {
            CapacityModel capacity = ctx.topology.location(r).capacity();
            double ready = ctx.instances[r] * capacity.rpsPerInstance();
            if (!with.contains(r) && will[r] > was[r] + 1e-9 && will[r] > ready) {
                short_.add(ctx.id(r));
                TrafficMover.preScale(ctx, r, capacity.instancesFor(will[r]), evacuee, new ArrayList<>());
            }
        }
        return short_;
    }

    /**
     * While publishes fail, any pool still at home may lose its location next, and its records can
     * then only be dropped: each floor receiver grows, in advance, to carry at target utilisation
     * the most that any one more drop would send it on top of what it carries.
     */
    void preScaleFloors(StepContext ctx, List<String> evacuated) {
        double[][] rows = rows(inDns(ctx));
        double[][] floored = floors.floored(rows);
        Set<Integer> dropped = new HashSet<>();
        evacuated.forEach(id -> dropped.add(ctx.topology.indexOf(id)));
        double[] base = FallbackReceivers.loads(floored, dropped, ctx.demand);
        double[] worst = base.clone();
        for (int p = 0; p < rows.length; p++) {
            if (dropped.contains(p) || rows[p][p] <= 0) {
                continue;
            }
            Set<Integer> with = new HashSet<>(dropped);
            with.add(p);
            double[] will = FallbackReceivers.loads(floored, with, ctx.demand);
            for (int r = 0; r < will.length; r++) {
                worst[r] = with.contains(r) ? worst[r] : Math.max(worst[r], will[r]);
            }
        }
        for (int r = 0; r < worst.length; r++) {
            if (worst[r] <= base[r] + 1e-9) {
                continue;
            }
            int needed = ctx.topology.location(r).capacity().instancesFor(worst[r]);
            ctx.lastRelied[r] = ctx.now;
            ScaleRequests.ask(ctx, r, needed, String.format(Locale.ROOT,
                    "DNS API down: ready to carry %.0f rps if a neighbour's records are dropped", worst[r]),
                    outageIncident(ctx));
        }
    }

    /** Requests/s each location serves when DNS answers its held weights without {@code dropped}'s records. */
    double[] served(StepContext ctx, List<String> dropped) {
        Set<Integer> out = new HashSet<>();
        dropped.forEach(id -> out.add(ctx.topology.indexOf(id)));
        return FallbackReceivers.loads(floors.floored(rows(inDns(ctx))), out, ctx.demand);
    }

    /**
     * The incident open during the DNS API outage (the first open evacuation's),
     * where the floor receivers' advance pre-scales are told; null when there is none.
     */
    static String outageIncident(StepContext ctx) {
        if (ctx.fallback.apiFailingSince() == 0) {
            return null;
        }
        for (LocationTrack t : ctx.tracks) {
            if (t.incident() != null && t.state().isEvacuation()) {
                return t.incident();
            }
        }
        return null;
    }

    /** The plan whose weights DNS holds, as far as the engine knows: the wanted one until a publish is confirmed. */
    static TrafficPlan inDns(StepContext ctx) {
        return ctx.fallback.inDns() != null ? ctx.fallback.inDns() : ctx.wantedPlan();
    }

    private static double[][] rows(TrafficPlan plan) {
        double[][] rows = new double[plan.size()][];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = plan.row(c);
        }
        return rows;
    }
}
