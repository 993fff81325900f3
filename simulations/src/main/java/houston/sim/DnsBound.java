package houston.sim;

/**
 * The failed requests no DNS-based policy can avoid: those of the clients that have not asked
 * DNS again since their location's first fault began (they ignore or stretch TTLs), while it
 * fails. Whatever any policy published, those clients still hold the answer they had before,
 * which sent them home; a policy that moved every catchment off the location in that first
 * second and kept it off would fail exactly these. Integrated per second with the seeded world's
 * own resolvers per catchment. Beside a drill's figures it shows how much of a policy's failures
 * were its own doing.
 */
final class DnsBound {

    private static final long STEP_MS = 1000;

    private DnsBound() {
    }

    static double failures(Scenario scenario, SimWorld world) {
        DemandModel demand = new DemandModel(world.topology(), scenario.start(), scenario.trough(),
                scenario.peakHour(), scenario.spikes());
        long end = scenario.length().toMillis();
        double failed = 0;
        for (int l = 0; l < world.size(); l++) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Fault f : world.locationFaults()) {
                if (f.target().equals(world.topology().location(l).id())) {
                    first = Math.min(first, f.startMs());
                    last = Math.max(last, f.endMs());
                }
            }
            TtlModel clients = world.clients(l);
            for (long ms = first; ms < Math.min(end, last); ms += STEP_MS) {
                double stale = clients.stale((ms - first) / 1000.0);
                failed += demand.demand(l, ms) * stale * world.faultError(l, ms) * STEP_MS / 1000.0;
            }
        }
        return failed;
    }
}
