package houston.core.engine;

import houston.core.config.SafetyConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits every traffic move passes. Automatic evacuations pass all of them; an operator's
 * evacuation passes only the minimum-serving floor (a human chose to exceed the others, and the
 * decision records who). Receivers past their maximum are impossible by construction of the
 * planner, so they are not checked here.
 */
final class SafetyPolicy {

    /** The hold of an evacuation no receiver can take any of. */
    static final String NO_RECEIVER = "no receiver can take any of it";
    private static final String FAIL_STATIC = "fail-static engaged";
    private static final String FROZEN = "automation is frozen";

    /** How long every vantage must have judged a location bad, short of dead, for it to pass the limits. */
    static final Duration UNANIMOUS_BAD_HOLD = Duration.ofMinutes(1);
    private final SafetyConfig config;

    SafetyPolicy(SafetyConfig config) {
        this.config = config;
    }

    /** Why an automatic evacuation of {@code l} must wait, or null when it may go ahead. */
    String holdAutomatic(StepContext ctx, int l) {
        if (ctx.overrides.frozen(ctx.now)) {
            return FROZEN + " by " + ctx.overrides.frozenBy() + " until "
                    + Instant.ofEpochMilli(ctx.overrides.frozenUntil());
        }
        if (ctx.failStatic) {
            return FAIL_STATIC + ": " + ctx.report.badLocations() + " locations look bad at once";
        }
        boolean unanimous = unanimousVerdict(ctx, l) != null;
        if (capReached(ctx) && !unanimous) {
            return "max-evacuated " + config.maxEvacuated() + " reached (" + String.join(", ", evacuatedIds(ctx)) + ")";
        }
        String floor = holdManual(ctx, l);
        if (floor != null) {
            return floor;
        }
        if (ctx.recentEvacuations.size() >= config.maxNewEvacuations() && !unanimous) {
            return "rate limit: " + ctx.recentEvacuations.size() + " evacuations in the last "
                    + config.rateWindow().toMinutes() + " min (max " + config.maxNewEvacuations() + ")";
        }
        return null;
    }

    /**
     * True when the locations out on bad evidence (evacuating or evacuated) fill max-evacuated. A
     * recovering location does not count: its score has been good for the up-hold and its users
     * are on their way home; if it fails again it goes back out whatever the cap says.
     */
    private boolean capReached(StepContext ctx) {
        return ReceiverPool.awayCount(ctx) >= config.maxEvacuated();
    }

    /** The limits an evacuation decided now passes only on unanimous evidence, or null when it passes none. */
    String limitsPassed(StepContext ctx) {
        List<String> passed = new ArrayList<>();
        if (capReached(ctx)) {
            passed.add("max-evacuated " + config.maxEvacuated());
        }
        if (ctx.recentEvacuations.size() >= config.maxNewEvacuations()) {
            passed.add("the rate limit (" + config.maxNewEvacuations() + " in " + config.rateWindow().toMinutes()
                    + " min)");
        }
        return passed.isEmpty() ? null : String.join(" and ", passed);
    }

    /**
     * How independent evidence unanimously judges {@code l}, when it is strong enough to pass the cap
     * and the rate limit: "dead" (every vantage agrees now and its score is at or below the dead
     * threshold), "bad for 60s" (every vantage has agreed, tick after tick, for {@link #UNANIMOUS_BAD_HOLD}),
     * or null. The cap and the rate limit guard against a cascade of false positives, which shows as
     * vantages disagreeing or as many locations bad at once (fail-static, still in force); a location
     * every vantage calls dead fails its users wherever they are kept, and one every vantage has seen
     * failing (a brownout, a grey failure) for a minute is no observer's glitch: held behind two
     * earlier outages, its users would fail for as long as those last. One tick of disagreement, or of
     * too few vantages with evidence, starts the minute again.
     */
    static String unanimousVerdict(StepContext ctx, int l) {
        // The track's clock, set this tick from everyVantageAgrees: agreement now is its being running.
        long since = ctx.tracks[l].unanimousSince();
        if (since < 0) {
            return null;
        }
        if (ctx.report.score(l) <= ctx.config.hysteresis().deadThreshold()) {
            return "dead";
        }
        return ctx.now - since >= UNANIMOUS_BAD_HOLD.toMillis() ? "bad for " + (ctx.now - since) / 1000 + "s" : null;
    }

    /**
     * At least a quorum of vantages have evidence on {@code l}, every one of them judges it bad, and no
     * voter is discounted. The services voter is left out: its signals arrive {@code signal-delay} late
     * and a dead service sends none, so its last "healthy" lingers for the signal TTL after the location
     * died.
     */
    static boolean everyVantageAgrees(StepContext ctx, int l) {
        if (!ctx.report.suspectVoterNames().isEmpty()) {
            return false;
        }
        var evidence = ctx.report.location(l);
        List<String> vantages = ctx.config.health().vantages();
        long seen = evidence.byVoter().keySet().stream().filter(vantages::contains).count();
        long agreeing = evidence.agreeing().stream().filter(vantages::contains).count();
        return seen >= ctx.config.health().quorum() && agreeing == seen;
    }

    /** Why any evacuation of {@code l} must wait, or null: only the minimum-serving floor. */
    String holdManual(StepContext ctx, int l) {
        int servingAfter = ctx.topology.size() - ReceiverPool.evacuationCount(ctx) - 1;
        if (servingAfter < config.minServing()) {
            return "min-serving " + config.minServing() + ": evacuating " + ctx.id(l) + " would leave "
                    + servingAfter + " serving";
        }
        return null;
    }

    /**
     * The stable part of a hold reason — "max-evacuated 2 reached", not the list of who is out —
     * so the same reason with new numbers is not reported as a new one.
     */
    static String reasonKey(String hold) {
        int cut = hold.length();
        for (String sep : new String[]{":", " (", " until "}) {
            int at = hold.indexOf(sep);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        return hold.substring(0, cut);
    }

    /**
     * True for fail-static, which every bad location shares and which pages once on its own. A
     * freeze is a human's choice, so a location going bad under it still pages (once).
     */
    static boolean isGlobal(String hold) {
        return hold.startsWith(FAIL_STATIC);
    }

    /** True when automation may move traffic this tick (not frozen, not failing static). */
    boolean automationAllowed(StepContext ctx) {
        return !ctx.overrides.frozen(ctx.now) && !ctx.failStatic;
    }

    /**
     * Engages fail-static when at least the configured fraction of locations look bad at once and
     * the observers do not corroborate it (see {@link houston.core.health.HealthReport#uncorroboratedBad}):
     * a broken prober or a probe-side network problem, not the many locations every vantage
     * independently sees dead while it sees the rest fine (a real multi-location outage, evacuated as
     * capacity and min-serving allow). Alerts on engage, reports on release. Release takes fresh
     * evidence, not its absence: even if every location without a score were an uncorroborated bad
     * one, fewer than the threshold would be. Probes ageing out (a vantage stopped) leave scores
     * unknown, and unknown is not good news. On release every location's hysteresis restarts: a
     * verdict formed while Houston suspected its observers is not acted on. O(voters × locations).
     */
    void updateFailStatic(StepContext ctx) {
        int threshold = config.failStaticCount(ctx.topology.size());
        int quorum = ctx.config.health().quorum();
        int suspicious = ctx.report.uncorroboratedBad(quorum);
        int unknown = 0;
        for (int l = 0; l < ctx.topology.size(); l++) {
            unknown += Double.isNaN(ctx.report.score(l)) ? 1 : 0;
        }
        if (!ctx.failStatic && suspicious >= threshold) {
            ctx.failStatic = true;
            ctx.alert(AlertKind.FAIL_STATIC, -1, DecisionKind.FAIL_STATIC_ENGAGED,
                    "fail-static: " + suspicious + " of " + ctx.topology.size() + " locations look bad at once and "
                            + "the vantages do not corroborate it (threshold " + threshold + "), " + seesThrough(ctx)
                            + ": suspecting the observers, moving no traffic. Bad: " + String.join(", ", badIds(ctx)));
        } else if (ctx.failStatic && suspicious + unknown < threshold) {
            ctx.failStatic = false;
            for (int l = 0; l < ctx.tracks.length; l++) {
                ctx.tracks[l] = ctx.tracks[l].withEvidence(-1, -1, -1);
            }
            int bad = ctx.report.badLocations();
            ctx.notify(-1, DecisionKind.FAIL_STATIC_RELEASED, "fail-static released: " + bad + (bad == 1
                    ? " location looks bad, " : " locations look bad, ") + suspicious + " of them uncorroborated, " + unknown + " unscored (threshold "
                    + threshold + "); automation resumes, hysteresis restarts", List.of(), List.of());
        }
        pageWhenSeeingThroughFewer(ctx, quorum);
    }

    /**
     * Pages when discounted vantages leave fewer trusted vantages than the quorum, the moment it
     * happens (and tells when the quorum is back): Houston then decides on the remaining vantage
     * and the services voter that outvoted the others, which a human should check.
     */
    private static void pageWhenSeeingThroughFewer(StepContext ctx, int quorum) {
        int before = ctx.previousReport == null ? Integer.MAX_VALUE : ctx.previousReport.trustedVantages()[0];
        int now = ctx.report.trustedVantages()[0];
        if (now < quorum && before >= quorum) {
            ctx.alert(AlertKind.FAIL_STATIC, -1, DecisionKind.VANTAGES_DISCOUNTED, "Houston " + seesThrough(ctx)
                    + " (quorum " + quorum + "): discounted " + String.join(", ", ctx.report.suspectVoterNames())
                    + ", which see most locations bad where the others see them fine; deciding on the rest");
        } else if (now >= quorum && before < quorum) {
            ctx.notify(-1, DecisionKind.VANTAGES_TRUSTED, "Houston " + seesThrough(ctx) + " again (quorum "
                    + quorum + ")", List.of(), List.of());
        }
    }

    private static String seesThrough(StepContext ctx) {
        int[] trusted = ctx.report.trustedVantages();
        return "sees through " + trusted[0] + " of " + trusted[1] + " vantages";
    }

    private static List<String> evacuatedIds(StepContext ctx) {
        List<String> ids = new ArrayList<>();
        for (int l = 0; l < ctx.tracks.length; l++) {
            if (ctx.tracks[l].state().isAway()) {
                ids.add(ctx.id(l));
            }
        }
        return ids;
    }

    private static List<String> badIds(StepContext ctx) {
        List<String> ids = new ArrayList<>();
        for (int l = 0; l < ctx.topology.size(); l++) {
            if (ctx.report.isBad(l)) {
                ids.add(ctx.id(l));
            }
        }
        return ids;
    }
}
