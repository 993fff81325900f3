package houston.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a drill must show, each one optional (null: not checked). Factors compare Houston's
 * failed requests with another policy's in the same run: 5 means at least five times fewer.
 * The baseline factor compares with the better of the two Route 53 baselines and is also met
 * when Houston fails that many times fewer of the avoidable requests, those above the DNS bound
 * (the failures of clients ignoring TTLs, which bound every DNS-based policy); it is never met
 * when Houston fails more requests than that baseline.
 */
public record Objectives(Double maxOverloadSeconds, Integer maxFalseEvacuations, Double maxTimeToDetect,
                         Double maxTimeToMove90, Double minFactorVsBaseline, Double minFactorVsNoAction,
                         Double maxFailedFraction, Integer maxShifts, Integer maxSafetyAlerts) {

    public static final Objectives NONE = new Objectives(null, null, null, null, null, null, null, null, null);

    /** Without a limit on safety alerts. */
    public Objectives(Double maxOverloadSeconds, Integer maxFalseEvacuations, Double maxTimeToDetect,
                      Double maxTimeToMove90, Double minFactorVsBaseline, Double minFactorVsNoAction,
                      Double maxFailedFraction, Integer maxShifts) {
        this(maxOverloadSeconds, maxFalseEvacuations, maxTimeToDetect, maxTimeToMove90, minFactorVsBaseline,
                minFactorVsNoAction, maxFailedFraction, maxShifts, null);
    }

    /** One objective's verdict, with the figures that decided it. */
    public record Verdict(String objective, boolean met, String detail) {
    }

    /** Checks Houston's run against the objectives, using the other runs and the DNS bound for the factors. */
    public List<Verdict> check(List<RunResult> runs, double dnsBound) {
        Kpis h = find(runs, HoustonPolicy.NAME);
        List<Verdict> out = new ArrayList<>();
        if (maxOverloadSeconds != null) {
            out.add(at("receiver overload-seconds", h.overloadSeconds(), maxOverloadSeconds, "%.0f s"));
        }
        if (maxFalseEvacuations != null) {
            out.add(new Verdict("false evacuations <= " + maxFalseEvacuations,
                    h.falseEvacuations() <= maxFalseEvacuations, "houston: " + h.falseEvacuations()));
        }
        if (maxTimeToDetect != null) {
            out.add(at("time to detect", h.timeToDetect(), maxTimeToDetect, "%.0f s"));
        }
        if (maxTimeToMove90 != null) {
            out.add(at("time to move 90%", h.timeToMove90(), maxTimeToMove90, "%.0f s"));
        }
        if (maxFailedFraction != null) {
            out.add(at("failed requests", h.failedFraction(), maxFailedFraction, "%.4f%%"));
        }
        if (maxShifts != null) {
            out.add(new Verdict("shifts <= " + maxShifts, h.shifts() <= maxShifts, "houston: " + h.shifts()));
        }
        if (maxSafetyAlerts != null) {
            // What people are told (pages), counted as the daemon tells them: an alert for a scaler that is only
            // slow, or a repeat of one condition, wakes someone for nothing.
            out.add(new Verdict("safety alerts <= " + maxSafetyAlerts, h.alerts() <= maxSafetyAlerts,
                    "houston: " + h.alerts()));
        }
        if (minFactorVsBaseline != null) {
            out.add(vsBaseline(h, better(runs), anyBaselineMoved(runs), dnsBound, minFactorVsBaseline));
        }
        if (minFactorVsNoAction != null) {
            out.add(factor(h, find(runs, NoActionPolicy.NAME), NoActionPolicy.NAME, minFactorVsNoAction));
        }
        return out;
    }

    private static Verdict at(String name, double value, double max, String format) {
        boolean percent = format.endsWith("%%");
        String shown = Double.isNaN(value) ? "never" : String.format(Locale.ROOT, format, percent ? value * 100 : value);
        String limit = String.format(Locale.ROOT, format, percent ? max * 100 : max);
        return new Verdict(name + " <= " + limit, !Double.isNaN(value) && value <= max, "houston: " + shown);
    }

    private static Verdict factor(Kpis houston, Kpis other, String name, double min) {
        double factor = houston.failedRequests() <= 0 ? Double.POSITIVE_INFINITY
                : other.failedRequests() / houston.failedRequests();
        return new Verdict(String.format(Locale.ROOT, "failed requests %.1fx fewer than %s", min, name), factor >= min,
                String.format(Locale.ROOT, "houston %.0f, %s %.0f (%s)", houston.failedRequests(), name,
                        other.failedRequests(), times(other.failedRequests(), houston.failedRequests())));
    }

    /** "3.2x", or in words when Houston failed none: an infinite factor reads as a bug. */
    private static String times(double theirs, double mine) {
        if (mine > 0) {
            return String.format(Locale.ROOT, "%.1fx", theirs / mine);
        }
        return theirs > 0 ? "houston failed none" : "neither failed a request";
    }

    /**
     * Houston against the better baseline: never more failed requests, and {@code min} times fewer (in
     * all, or above the DNS bound) wherever a baseline acts. When neither baseline moved any traffic
     * (a fault over before a health check fails it over: a 20 s outage), the factor is no bar they
     * set: Houston must only not fail more.
     */
    private static Verdict vsBaseline(Kpis houston, RunResult baseline, boolean baselineMoved, double bound, double min) {
        double mine = houston.failedRequests();
        double theirs = baseline.kpis().failedRequests();
        double factor = mine <= 0 ? Double.POSITIVE_INFINITY : theirs / mine;
        double avoidable = mine - bound <= 0 ? Double.POSITIVE_INFINITY : (theirs - bound) / (mine - bound);
        boolean met = mine <= theirs && (!baselineMoved || factor >= min || avoidable >= min);
        String objective = baselineMoved
                ? String.format(Locale.ROOT, "failed requests %.1fx fewer than the better baseline", min)
                : "failed requests no more than the better baseline (neither baseline moved traffic)";
        return new Verdict(objective, met,
                String.format(Locale.ROOT, "houston %.0f, %s %.0f (%s; %s)", mine, baseline.policy(), theirs,
                        times(theirs, mine), mine <= 0 ? "DNS bound " + Math.round(bound)
                                : mine - bound <= 0 ? "houston at the DNS bound " + Math.round(bound)
                                : times(theirs - bound, mine - bound) + " above the DNS bound " + Math.round(bound)));
    }

    /** Whether a Route 53 baseline's health checks moved any traffic in the run (a plan change went live). */
    static boolean anyBaselineMoved(List<RunResult> runs) {
        return runs.stream().anyMatch(r -> Route53FailoverPolicy.BASELINES.contains(r.policy()) && r.kpis().shifts() > 0);
    }

    /** The Route 53 baseline run that failed fewer requests. */
    static RunResult better(List<RunResult> runs) {
        return runs.stream().filter(r -> Route53FailoverPolicy.BASELINES.contains(r.policy()))
                .min(java.util.Comparator.comparingDouble(r -> r.kpis().failedRequests()))
                .orElseThrow(() -> new IllegalArgumentException("no baseline run"));
    }

    private static Kpis find(List<RunResult> runs, String policy) {
        return runs.stream().filter(r -> r.policy().equals(policy)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + policy + " run")).kpis();
    }
}
