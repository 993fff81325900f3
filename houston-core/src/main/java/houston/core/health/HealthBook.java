package houston.core.health;

import houston.core.config.HealthConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the engine remembers about what the probes and services said: one
 * {@link ProbeWindow} per (vantage, location) and the latest signal per (location, service).
 *
 * <p>Immutable. {@link #record} folds one tick's observations in, touching only the windows
 * they name, in O(observations + touched window sizes). Observations from vantages or for
 * locations the config does not know are not scored; they are counted, so a misconfigured
 * agent shows up in the status instead of silently tilting a score.
 */
public final class HealthBook {

    private final List<String> vantages;
    private final Map<String, Integer> vantageIndex;
    private final Map<String, Integer> locationIndex;
    private final int locations;
    private final ProbeWindow[] windows;
    private final ErrorRateWindow[] rates;
    private final TreeMap<String, ServiceSignal> signals;
    private final long ignored;

    private HealthBook(List<String> vantages, Map<String, Integer> vantageIndex, Map<String, Integer> locationIndex,
                       ProbeWindow[] windows, ErrorRateWindow[] rates, TreeMap<String, ServiceSignal> signals,
                       long ignored) {
        this.vantages = vantages;
        this.vantageIndex = vantageIndex;
        this.locationIndex = locationIndex;
        this.locations = locationIndex.size();
        this.windows = windows;
        this.rates = rates;
        this.signals = signals;
        this.ignored = ignored;
    }

    /** No evidence yet, for these vantages and these locations (in the engine's index order). */
    public static HealthBook empty(List<String> vantages, List<String> locationIds) {
        ProbeWindow[] windows = new ProbeWindow[vantages.size() * locationIds.size()];
        Arrays.fill(windows, ProbeWindow.EMPTY);
        ErrorRateWindow[] rates = new ErrorRateWindow[windows.length];
        Arrays.fill(rates, ErrorRateWindow.EMPTY);
        return new HealthBook(List.copyOf(vantages), indexOf(vantages), indexOf(locationIds), windows, rates,
                new TreeMap<>(), 0);
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }

    /** This book plus one tick's observations and signals, as of {@code nowMs}. */
    public HealthBook record(List<Observation> observations, List<ServiceSignal> newSignals, long nowMs,
                             HealthConfig config) {
        if (observations.isEmpty() && newSignals.isEmpty()) {
            return this;
        }
        long windowStart = nowMs - config.window().toMillis();
        int[] slot = new int[observations.size()];
        int[] perWindow = new int[windows.length];
        long newlyIgnored = 0;
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            Integer v = vantageIndex.get(o.vantage());
            Integer l = locationIndex.get(o.location());
            if (v == null || l == null) {
                slot[i] = -1;
                newlyIgnored++;
            } else {
                slot[i] = v * locations + l;
                perWindow[slot[i]]++;
            }
        }
        ProbeWindow[] next = windows.clone();
        ErrorRateWindow[] nextRates = rates.clone();
        long[][] at = new long[windows.length][];
        float[][] bad = new float[windows.length][];
        int[] filled = new int[windows.length];
        for (int i = 0; i < observations.size(); i++) {
            int w = slot[i];
            if (w < 0) {
                continue;
            }
            if (at[w] == null) {
                at[w] = new long[perWindow[w]];
                bad[w] = new float[perWindow[w]];
            }
            Observation o = observations.get(i);
            // An agent's clock may run ahead; an observation is never newer than the tick that reads it.
            at[w][filled[w]] = Math.min(o.at().toEpochMilli(), nowMs);
            float previous = filled[w] > 0 ? bad[w][filled[w] - 1] : windows[w].lastBadness();
            bad[w][filled[w]++] = badness(o.outcome(), previous, config);
            nextRates[w] = nextRates[w].plus(at[w][filled[w] - 1], kinds(o.outcome(), previous), nowMs, GREY_WINDOW_MS);
        }
        for (int w = 0; w < windows.length; w++) {
            if (at[w] != null) {
                next[w] = windows[w].plus(at[w], bad[w], filled[w], windowStart, config.maxSamples());
            }
        }
        TreeMap<String, ServiceSignal> nextSignals = signals;
        if (!newSignals.isEmpty()) {
            nextSignals = new TreeMap<>(signals);
            for (ServiceSignal s : newSignals) {
                if (locationIndex.containsKey(s.location())) {
                    nextSignals.put(s.location() + '\u0000' + s.service(), s);
                } else {
                    newlyIgnored++;
                }
            }
        }
        return new HealthBook(vantages, vantageIndex, locationIndex, next, nextRates, nextSignals,
                ignored + newlyIgnored);
    }

    /**
     * How much one outcome counts against its location. A timeout right after a good answer is
     * most likely a probe lost on the way (a lossy path drops one in ten, and a lost probe looks
     * exactly like a blackhole: no answer within the timeout), so it counts {@link #LOST_PROBE_BADNESS};
     * a timeout after any bad outcome counts in full, so a blackholed location, whose probes all
     * time out, is judged on its second probe. Refused connects, errors and wrong answers are
     * what a location says, never lost: they count in full at once.
     */
    private static float badness(Outcome outcome, float previous, HealthConfig config) {
        if (outcome == Outcome.TIMEOUT && previous <= 0f) {
            return LOST_PROBE_BADNESS;
        }
        return (float) outcome.badness(config.slowBadness());
    }

    /**
     * What one outcome counts as in the long window. Only scattered errors (after an outcome that was
     * not a failure) are the grey window's: a run of failures is an outage, judged by the short window,
     * and must not hold the location bad for two minutes after it ends. Every failure counts towards a
     * flap, but a flap is only judged on many separate runs of them, each started right after a clean answer.
     */
    private static boolean[] kinds(Outcome outcome, float previous) {
        boolean failure = outcome.badness(0) >= 1;
        return new boolean[] {ErrorRateWindow.isError(outcome) && previous < 1f, failure, failure && previous == 0f};
    }

    /** What a timeout after a good answer counts (see {@link #badness}). */
    static final float LOST_PROBE_BADNESS = 0.25f;

    /** The voters: the configured vantages, then "services" (the inside view from service signals). */
    public List<String> voters() {
        List<String> voters = new ArrayList<>(vantages);
        voters.add(QuorumHealthScorer.SERVICES_VOTER);
        return voters;
    }

    /** How far back a vantage's error rate looks: long enough that a steady 5% is unambiguous. */
    public static final long GREY_WINDOW_MS = 120_000;
    /**
     * An error rate surely above this is a grey failure. Lost probes are not errors, so a healthy
     * location shows none; 2% leaves room for a location's own background of failed requests.
     */
    static final double GREY_ERROR_RATE = 0.02;
    /** One-sided 95% confidence: the rate is judged on what the errors surely show, not on a lucky burst. */
    static final double GREY_Z = 1.645;
    /**
     * A clean run since the last failure this improbable at the window's own failure rate says the errors
     * stopped, and the grey verdict ends before they age out of the window (see {@link ErrorRateWindow#stopped}).
     * One in a thousand: a steady grey failure shows such a run rarely enough not to flicker its verdict.
     */
    static final double GREY_STOPPED_CHANCE = 0.001;
    /** Fewer outcomes than this in the long window (a minute of probes at 1 s) and no grey verdict is given. */
    static final int GREY_MIN_SAMPLES = 60;

    /**
     * Score of every voter for every location as of {@code nowMs}: [voter][location], 1 healthy,
     * 0 failing, NaN when the voter has too little recent evidence to say. A vantage whose error
     * rate over {@link #GREY_WINDOW_MS} is surely above {@link #GREY_ERROR_RATE} scores at most
     * {@code greyScore}, whatever its short window says: a grey failure is judged bad steadily
     * instead of flickering with each unlucky five seconds. So does every vantage of a location that
     * {@link #flapping flaps}.
     */
    public double[][] voterScores(long nowMs, HealthConfig config, double greyScore) {
        long since = nowMs - config.window().toMillis();
        double[][] scores = new double[vantages.size() + 1][locations];
        for (int v = 0; v < vantages.size(); v++) {
            for (int l = 0; l < locations; l++) {
                int w = v * locations + l;
                double score = windows[w].score(since, config.minSamples());
                boolean grey = rates[w].lowerBound(ErrorRateWindow.Kind.ERROR, nowMs, GREY_WINDOW_MS, GREY_Z,
                        GREY_MIN_SAMPLES) > GREY_ERROR_RATE && !rates[w].stopped(nowMs, GREY_WINDOW_MS, GREY_STOPPED_CHANCE);
                scores[v][l] = grey ? Math.min(score, greyScore) : score;
            }
        }
        for (int l = 0; l < locations; l++) {
            if (flapping(l, scores, nowMs, config.quorum(), greyScore)) {
                for (int v = 0; v < vantages.size(); v++) {
                    scores[v][l] = Math.min(scores[v][l], greyScore);
                }
            }
        }
        double[] sum = new double[locations];
        int[] count = new int[locations];
        long signalSince = nowMs - config.signalTtl().toMillis();
        for (ServiceSignal s : signals.values()) {
            if (s.at().toEpochMilli() > signalSince) {
                int l = locationIndex.get(s.location());
                sum[l] += s.status().badness();
                count[l]++;
            }
        }
        double[] services = scores[vantages.size()];
        for (int l = 0; l < locations; l++) {
            services[l] = count[l] == 0 ? Double.NaN : 1.0 - sum[l] / count[l];
        }
        return scores;
    }


    /**
     * Whether location {@code l} flaps: at least {@code quorum} vantages see a surely large share of
     * its probes fail over the long window, in many separate runs, and no vantage with evidence
     * contradicts them (one still judging it fine without seeing the flap). A lost probe is weak
     * evidence; the same location failing half its probes from every vantage for a minute is not.
     */
    private boolean flapping(int l, double[][] scores, long nowMs, int quorum, double greyScore) {
        int flaps = 0;
        for (int v = 0; v < vantages.size(); v++) {
            if (rates[v * locations + l].flaps(nowMs, GREY_WINDOW_MS, GREY_Z, GREY_MIN_SAMPLES)) {
                flaps++;
            } else if (scores[v][l] >= greyScore) {
                return false;
            }
        }
        return flaps >= quorum;
    }

    /** Observations and signals that named a vantage or location the config does not know. */
    public long ignored() {
        return ignored;
    }
}
