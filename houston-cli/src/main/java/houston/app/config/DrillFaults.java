package houston.app.config;

import com.typesafe.config.Config;
import houston.core.model.Topology;
import houston.sim.Fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a drill's {@code drill.faults}: each fault's kind, its target (a location, a vantage, or
 * none for the DNS API and the scaler), when it starts, how long it lasts and its amount, each
 * checked against the drill's locations, vantages and length.
 */
final class DrillFaults {

    private static final Set<String> FAULT_KEYS = Set.of("kind", "target", "at", "length", "amount");

    private DrillFaults() {
    }

    /** The faults at {@code drill.faults}, in file order; a fault with a problem is left out, the problem added. */
    static List<Fault> read(ConfigReader in, Topology topology, List<String> vantages, Duration length) {
        List<Fault> out = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<? extends Config> list = DrillReader.atMost(in, "drill.faults", "faults");
        for (int i = 0; i < list.size(); i++) {
            Config raw = list.get(i);
            ConfigReader e = in.element(raw, "drill.faults[" + i + "]", FAULT_KEYS);
            Fault.Kind kind;
            try {
                kind = Fault.Kind.parse(e.string("kind", "a fault kind"));
            } catch (IllegalArgumentException ex) {
                e.problem("kind", "one of outage, refuse, brownout, latency, partial, degrade, flap, partition, dns-throttle, "
                        + "dns-outage, scaler-slow, scaler-fail");
                continue;
            }
            String target = raw.hasPath("target") ? e.string("target", "a location, a vantage or \"\"") : "";
            if (!kind.hitsLocation() && kind != Fault.Kind.PARTITION && !target.isEmpty()) {
                e.problem("target", "\"\" or no target: " + kind.configName() + " hits the "
                        + (kind.configName().startsWith("dns") ? "DNS API" : "scaler") + ", not one location");
            } else if (kind.hitsLocation() && !topology.contains(target)) {
                e.problem("target", "one of " + topology.ids());
            } else if (kind == Fault.Kind.PARTITION && !vantages.contains(target)) {
                e.problem("target", "one of houston.health.vantages " + vantages);
            }
            int before = in.problems().size();
            double amount = raw.hasPath("amount") ? amount(e, kind) : defaultAmount(kind);
            Duration at = e.duration("at", Duration.ZERO, length.isNegative() ? Duration.ofDays(31) : length);
            Duration faultLength = raw.hasPath("length") ? e.duration("length", Duration.ofSeconds(1), Duration.ofDays(31))
                    : length.minus(at);
            if (in.problems().size() == before && at.plus(faultLength).compareTo(length) > 0) {
                // Refused as a fault starting after the end is: the simulator would cut it short, and a
                // typo in its length (5h for 5m) would pass unseen.
                e.problem("length", "a duration 1s.." + Durations.format(length.minus(at)) + ": the drill ends at "
                        + Durations.format(length));
            }
            if (in.problems().size() == before && !faultLength.isNegative()) {
                Fault fault = new Fault(kind, target, at, faultLength, amount);
                refuseOverlap(e, fault, out, indices);
                out.add(fault);
                indices.add(i);
            }
        }
        return out;
    }

    /**
     * One fault at a time per location: two at once would combine in ways no drill file states
     * (errors compound, latencies add), so a fault starting before the previous one on its
     * location ends is refused. Faults that follow each other are one episode in the KPIs.
     */
    private static void refuseOverlap(ConfigReader e, Fault fault, List<Fault> earlier, List<Integer> indices) {
        if (!fault.kind().hitsLocation()) {
            return;
        }
        for (int j = 0; j < earlier.size(); j++) {
            Fault other = earlier.get(j);
            if (other.kind().hitsLocation() && other.target().equals(fault.target())
                    && fault.startMs() < other.endMs() && other.startMs() < fault.endMs()) {
                e.problem("at", "at or after " + Durations.format(other.at().plus(other.length())) + ", when drill.faults["
                        + indices.get(j) + "] (" + other.kind().configName() + " " + other.target()
                        + ") ends: one fault at a time per location");
                return;
            }
        }
    }

    /** A fault's amount, in the range its kind gives it a meaning (see {@link Fault}). */
    private static double amount(ConfigReader e, Fault.Kind kind) {
        return switch (kind) {
            case BROWNOUT, PARTIAL, DEGRADE -> e.number("amount", 0.001, 1, "the failing fraction of requests, 0 < x <= 1");
            case DNS_THROTTLE -> e.number("amount", 0.001, 1, "the failing fraction of DNS calls, 0 < x <= 1");
            case LATENCY -> e.number("amount", 1, 600_000, "added milliseconds, 1..600000");
            case FLAP -> e.number("amount", 1, 86_400, "the half-period in seconds, 1..86400");
            case SCALER_SLOW -> e.number("amount", 1, 1000, "the lead-time multiplier, 1..1000");
            default -> {
                e.problem("amount", "no amount: " + kind.configName() + " takes none");
                yield 0;
            }
        };
    }

    private static double defaultAmount(Fault.Kind kind) {
        return switch (kind) {
            case BROWNOUT, PARTIAL, DEGRADE -> 0.5;
            case LATENCY -> 2000;
            case FLAP -> 60;
            case DNS_THROTTLE -> 0.8;
            case SCALER_SLOW -> 3;
            default -> 0;
        };
    }
}
