package houston.core.engine;

import houston.core.model.TrafficPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The share of an evacuee's catchment not yet where its evacuation row sends it: kept home or
 * spilled elsewhere by {@link ReadyRoom#carriedNow} while the receivers scale, and moved once they
 * have ready room. Only moves that change something are decided: the same rows again would be a
 * new plan generation (a DNS change batch, a Slack line) that moves nobody.
 */
final class WaitingShare {

    /**
     * Less of a catchment than this is not worth a plan of its own while the rest still waits: with
     * demand measured every tick, ready room appears in slivers, and moving each one would publish a
     * new generation (a DNS change batch, a Slack line) every second. Room accumulates until a
     * percent of the catchment fits, or everything that waits does.
     */
    static final double MIN_STEP = 0.01;

    /**
     * Share of what a degraded location still has waiting that a move made while its receivers grow
     * must take: the last receiver's readiness moves the rest anyway, so a move before it is worth a
     * shift (a DNS change batch, a Slack line) only when it takes at least half of what waits. Moving
     * each receiver's room as it grew added shifts to flapping ap-south-1 (7, limit 5) and us-east-1's
     * relapse (10, limit 9); waiting for the last one kept ap-northeast-1's users through a traffic
     * spike 4 minutes (its limit 3).
     */
    static final double GROWING_STEP = 0.5;

    private WaitingShare() {
    }

    /**
     * Share of {@code l}'s catchment not yet where its evacuation row sends it: what
     * {@link ReadyRoom#carriedNow} kept home or spilled elsewhere while the receivers scale.
     */
    static double waiting(StepContext ctx, int l) {
        return waitingIn(ctx, l, ctx.row(l));
    }

    private static double waitingIn(StepContext ctx, int l, double[] current) {
        double[] target = ctx.tracks[l].evacuationRow();
        double waiting = 0;
        for (int s = 0; s < current.length; s++) {
            waiting += Math.max(0, current[s] - target[s]);
        }
        return waiting;
    }

    /**
     * Receivers are ready: moves what {@link ReadyRoom#carriedNow} kept home or spilled, again only
     * as far as ready instances take it (a receiver may carry more now than it was planned for,
     * e.g. another evacuation's spill); what still finds no room waits for the next tick. A move of
     * less than {@link #MIN_STEP} that leaves some still waiting is not made (nothing is decided,
     * posted or published); {@code timedOut}: the receivers it waited for gave up this tick. True
     * when a move was made.
     */
    static boolean completeShift(StepContext ctx, int l, boolean timedOut) {
        double waited = waiting(ctx, l);
        double[] before = ctx.row(l);
        double[] row = TrafficMover.carriedNow(ctx, l);
        boolean worthIt = ReadyRoom.moved(before, row) >= MIN_STEP || waitingIn(ctx, l, row) <= 1e-9;
        if (!worthIt || !ctx.changeRow(l, row, "evacuate the rest of " + ctx.id(l))) {
            if (timedOut) {
                // Said once, when the receivers it waited for gave up: the ones named instead have no
                // ready room now (other evacuations' users fill it while their receivers scale). Users
                // stay where they are served rather than go back to the location they left.
                ctx.notify(l, DecisionKind.SCALE_UPDATE, String.format(Locale.ROOT, "%s: the %.0f%% of its users "
                        + "not yet where its plan sends them stay where they are served now (%s) until the receivers "
                        + "planned for them have ready room", ctx.id(l), waited * 100, away(ctx, l, before)),
                        List.of(), List.of());
            }
            return false;
        }
        double still = waiting(ctx, l);
        double moved = ReadyRoom.moved(before, ctx.row(l));
        String what = still <= TrafficPlan.DUST ? String.format(Locale.ROOT, "moving the %s that waited for them",
                TrafficMover.percent(waited)) : String.format(Locale.ROOT, "moving %s of the %s that waited for them; the rest "
                + "stays where it is served now until there is ready room", TrafficMover.percent(moved), TrafficMover.percent(waited));
        // A move in the weights: while the data plane holds the location out (the API down), all of its
        // users are away already, and this one waits for DNS like any other.
        boolean heldOut = ctx.fallback.live().contains(ctx.id(l));
        ctx.notify(l, DecisionKind.TRAFFIC_SHIFTING, ctx.id(l) + " traffic shifting: "
                + (ctx.tracks[l].awaitingReady().isEmpty() ? "receivers ready, " : "receivers growing, ") + what
                + (heldOut ? " (in the weights DNS will publish: the DNS data plane holds all of its users out meanwhile)" : ""),
                List.of(), List.of());
        return true;
    }

    /**
     * Where {@code row} serves those of {@code l}'s users its evacuation row sends elsewhere, largest
     * share first: "eu-central-1 70%, eu-north-1 5%".
     */
    private static String away(StepContext ctx, int l, double[] row) {
        double[] target = ctx.tracks[l].evacuationRow();
        List<Integer> serving = new ArrayList<>();
        for (int s = 0; s < row.length; s++) {
            if (row[s] - target[s] > TrafficPlan.DUST) {
                serving.add(s);
            }
        }
        serving.sort((a, b) -> Double.compare(row[b] - target[b], row[a] - target[a]));
        return String.join(", ", serving.stream().map(s -> ctx.id(s) + " " + TrafficMover.percent(row[s] - target[s])).toList());
    }
}
