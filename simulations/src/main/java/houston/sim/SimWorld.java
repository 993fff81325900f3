package houston.sim;

import houston.core.health.Outcome;
import houston.core.model.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The true state of the simulated platform: demand, where DNS clients really send it, the
 * instances each location runs, and the faults in force. Users' requests fail where a fault
 * fails them or where load exceeds what the ready instances serve at 100%.
 *
 * <p>Every location also has the reactive autoscaler it would have without Houston
 * ({@link ReactiveAutoscaler}).
 *
 * <p>The seed moves the DNS clients too: each catchment's resolvers differ (see {@link TtlModel#varied}).
 */
final class SimWorld {

    private final Topology topology;
    private final DemandModel demand;
    private final List<Fault> faults;
    private final ActiveFaults active;
    private final int n;
    private final DnsClients[] clients;
    private final int[] instances;
    private final ReactiveAutoscaler autoscaler;
    final double[] demandNow;
    final double[] loadNow;
    final double[] failNow;
    final double[][] split;

    /** A vantage's round trip to a location it probes (vantages sit in other regions). */
    static final double PROBE_RTT_MS = 50;

    SimWorld(Topology topology, DemandModel demand, List<Fault> faults, TtlModel ttl, SplittableRandom random) {
        this.topology = topology;
        this.demand = demand;
        this.faults = List.copyOf(faults);
        this.active = new ActiveFaults(this.faults);
        this.n = topology.size();
        clients = new DnsClients[n];
        instances = new int[n];
        demandNow = new double[n];
        loadNow = new double[n];
        failNow = new double[n];
        split = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] home = new double[n];
            home[i] = 1.0;
            clients[i] = new DnsClients(ttl.varied(random), home);
            instances[i] = topology.location(i).capacity().instances();
        }
        autoscaler = new ReactiveAutoscaler(n);
    }

    int size() {
        return n;
    }

    Topology topology() {
        return topology;
    }

    /** How catchment {@code c}'s DNS clients follow a change (drawn from the seed). */
    TtlModel clients(int c) {
        return clients[c].ttl();
    }

    int instances(int l) {
        return instances[l];
    }

    /** Capacity (requests/s at 100% utilisation) of the ready instances. */
    double capacity(int l) {
        return instances[l] * topology.location(l).capacity().rpsPerInstance();
    }

    /** DNS starts answering {@code row} for catchment {@code c}. */
    void publish(int c, long ms, double[] row) {
        clients[c].publish(ms / 1000.0, row);
    }

    /** Instances become ready (a pre-scale or a reactive scale-up completing). */
    void ready(int l, int count) {
        instances[l] = Math.max(instances[l], Math.min(count, topology.location(l).capacity().maxInstances()));
    }

    /** Houston returns a receiver to its own size. */
    void scaleDown(int l, int count) {
        int own = topology.location(l).capacity().instances();
        instances[l] = Math.max(Math.max(own, count), Math.min(instances[l], count));
    }

    /** Brings the world to {@code ms}: demand, the effective splits, loads, failures, the reactive scalers. */
    void advance(long ms) {
        for (int c = 0; c < n; c++) {
            demandNow[c] = demand.demand(c, ms);
            clients[c].effective(ms / 1000.0, split[c]);
        }
        java.util.Arrays.fill(loadNow, 0);
        for (int c = 0; c < n; c++) {
            double[] row = split[c];
            for (int l = 0; l < n; l++) {
                loadNow[l] += demandNow[c] * row[l];
            }
        }
        for (int l = 0; l < n; l++) {
            double faulted = faultError(l, ms);
            double overload = overload(l);
            failNow[l] = 1 - (1 - faulted) * (1 - overload);
            autoscaler.react(this, l, ms);
        }
    }

    /** Fraction of {@code l}'s requests failing for lack of capacity. */
    double overload(int l) {
        double cap = capacity(l);
        return loadNow[l] <= cap ? 0 : 1 - cap / loadNow[l];
    }

    /** Fraction of requests the faults in force at {@code ms} fail at location {@code l}. */
    double faultError(int l, long ms) {
        String id = topology.location(l).id();
        double ok = 1.0;
        for (Fault f : active.at(ms)) {
            if (f.kind().hitsLocation() && f.target().equals(id)) {
                ok *= 1 - f.errorFraction(ms);
            }
        }
        return 1 - ok;
    }

    double faultLatencyMs(int l, long ms) {
        String id = topology.location(l).id();
        double extra = 0;
        for (Fault f : active.at(ms)) {
            if (f.target().equals(id)) {
                extra += f.latencyMs(ms);
            }
        }
        return extra;
    }

    boolean locationFaulted(int l, long ms) {
        String id = topology.location(l).id();
        for (Fault f : active.at(ms)) {
            if (f.kind().hitsLocation() && f.target().equals(id) && f.activeAt(ms)) {
                return true;
            }
        }
        return false;
    }

    boolean active(Fault.Kind kind, String target, long ms) {
        for (Fault f : active.at(ms)) {
            if (f.kind() == kind && f.target().equals(target) && f.activeAt(ms)) {
                return true;
            }
        }
        return false;
    }

    boolean anyActive(Fault.Kind kind, long ms) {
        for (Fault f : active.at(ms)) {
            if (f.kind() == kind && f.activeAt(ms)) {
                return true;
            }
        }
        return false;
    }

    /** The strongest {@code kind} fault in force (its amount), or 0. */
    double amount(Fault.Kind kind, long ms) {
        double a = 0;
        for (Fault f : active.at(ms)) {
            if (f.kind() == kind && f.activeAt(ms)) {
                a = Math.max(a, f.amount());
            }
        }
        return a;
    }

    List<Fault> faults() {
        return faults;
    }

    /** Faults of serving locations, in start order. */
    List<Fault> locationFaults() {
        List<Fault> out = new ArrayList<>();
        for (Fault f : faults) {
            if (f.kind().hitsLocation()) {
                out.add(f);
            }
        }
        out.sort(java.util.Comparator.comparingLong(Fault::startMs));
        return out;
    }

    /**
     * What one probe (or health check) of location {@code l} sees at {@code ms}: a request like a
     * user's, failing as users' requests fail there, plus random loss on the way. A lost probe, a
     * blackholed location and an answer slower than {@code timeoutMs} are all timeouts (the
     * prober waited its whole budget: {@link #probeCostMs}); a refused connection is a connect error.
     */
    Outcome probe(int l, long ms, double loss, double latencyObjectiveMs, double timeoutMs, SplittableRandom random) {
        if (random.nextDouble() < loss) {
            return Outcome.TIMEOUT;
        }
        double faulted = faultError(l, ms);
        if (faulted > 0 && random.nextDouble() < faulted) {
            String id = topology.location(l).id();
            if (active(Fault.Kind.REFUSE, id, ms)) {
                return Outcome.CONNECT_ERROR;
            }
            return active(Fault.Kind.OUTAGE, id, ms) || active(Fault.Kind.FLAP, id, ms) ? Outcome.TIMEOUT
                    : Outcome.HTTP_ERROR;
        }
        if (random.nextDouble() < overload(l)) {
            return Outcome.HTTP_ERROR;
        }
        double latency = PROBE_RTT_MS + faultLatencyMs(l, ms);
        return latency >= timeoutMs ? Outcome.TIMEOUT : latency >= latencyObjectiveMs ? Outcome.SLOW : Outcome.OK;
    }

    /**
     * How long a probe of {@code l} at {@code ms} that saw {@code outcome} took: its whole timeout
     * for a timeout, one round trip for a refused connect, otherwise the round trip plus the
     * location's extra latency. Its result reaches the engine only then.
     */
    long probeCostMs(int l, long ms, Outcome outcome, long timeoutMs) {
        return switch (outcome) {
            case TIMEOUT -> timeoutMs;
            case CONNECT_ERROR -> (long) PROBE_RTT_MS;
            default -> (long) Math.min(timeoutMs, PROBE_RTT_MS + faultLatencyMs(l, ms));
        };
    }
}
