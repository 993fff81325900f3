package houston.core.engine;

import houston.core.model.LocationState;

/**
 * The locations traffic may be placed on, as this step stands: what each serves now and once the
 * evacuations in progress complete (the loads planning places on), which may take more, how many
 * are out, and whose evacuation relies on a receiver. Reads the step's context, changes nothing.
 */
final class ReceiverPool {

    private ReceiverPool() {
    }

    /**
     * Requests/s each location will serve once every evacuation in progress is complete: an
     * evacuee's final row counts, not the interim one that waits for its receivers. Planning
     * uses these, so a second evacuation is not placed on capacity the first one will take.
     */
    static double[] plannedLoads(StepContext ctx) {
        return loadsUnder(ctx, c -> ctx.tracks[c].evacuationRow() != null
                && ctx.tracks[c].state() != LocationState.RECOVERING ? ctx.tracks[c].evacuationRow() : ctx.row(c));
    }

    /** Requests/s each location serves under the plan as it stands in this step. */
    static double[] loads(StepContext ctx) {
        return loadsUnder(ctx, ctx::row);
    }

    /** Σ demand(c) × rowOf(c): O(locations²). */
    private static double[] loadsUnder(StepContext ctx, java.util.function.IntFunction<double[]> rowOf) {
        double[] load = new double[ctx.topology.size()];
        for (int c = 0; c < ctx.topology.size(); c++) {
            double[] r = rowOf.apply(c);
            for (int s = 0; s < ctx.topology.size(); s++) {
                load[s] += ctx.demand[c] * r[s];
            }
        }
        return load;
    }

    /** Locations that may take traffic now: healthy, scored good enough, not pinned away. */
    static boolean[] eligible(StepContext ctx, int excluded) {
        boolean[] eligible = new boolean[ctx.topology.size()];
        for (int r = 0; r < eligible.length; r++) {
            eligible[r] = r != excluded
                    && ctx.tracks[r].state() == LocationState.HEALTHY
                    && !ctx.report.isBad(r)
                    && ctx.overrides.pin(ctx.id(r)) != PinTarget.EVACUATED;
        }
        return eligible;
    }

    static int evacuationCount(StepContext ctx) {
        int n = 0;
        for (LocationTrack t : ctx.tracks) {
            if (t.state().isEvacuation()) {
                n++;
            }
        }
        return n;
    }

    /** Locations out on bad evidence: what max-evacuated counts. */
    static int awayCount(StepContext ctx) {
        int n = 0;
        for (LocationTrack t : ctx.tracks) {
            if (t.state().isAway()) {
                n++;
            }
        }
        return n;
    }

    /** The incident of a location whose evacuation relies on receiver {@code r}, or null. */
    static String incidentRelyingOn(StepContext ctx, int r) {
        String id = ctx.id(r);
        for (LocationTrack t : ctx.tracks) {
            if (t.incident() != null && (t.awaitingReady().contains(id)
                    || (t.evacuationRow() != null && t.evacuationRow()[r] > 0))) {
                return t.incident();
            }
        }
        return null;
    }
}
