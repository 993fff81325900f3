package houston.sim;

/**
 * The failed requests no DNS-based policy can avoid: those of the clients that still hold the
 * old answer (they ignore or stretch TTLs) while their location fails, even if DNS had moved
 * every catchment off it in the fault's first second and kept it off until the fault ended.
 * Integrated per second over each fault of a serving location, with the seeded world's own
 * resolvers per catchment. Beside a drill's figures it shows how much of a policy's failures
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
        for (Fault f : world.locationFaults()) {
            int l = world.topology().indexOf(f.target());
            TtlModel clients = world.clients(l);
            for (long ms = f.startMs(); ms < Math.min(end, f.endMs()); ms += STEP_MS) {
                double stale = clients.stale((ms - f.startMs()) / 1000.0);
                failed += demand.demand(l, ms) * stale * f.errorFraction(ms) * STEP_MS / 1000.0;
            }
        }
        return failed;
    }
}
