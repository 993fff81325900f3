package houston.core.engine;

import houston.core.config.SafetyConfig;

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

    private final SafetyConfig config;

    SafetyPolicy(SafetyConfig config) {
        this.config = config;
    }

    /** Why an automatic evacuation of {@code l} must wait, or null when it may go ahead. */
    String holdAutomatic(StepContext ctx, int l) {
        if (ctx.overrides.frozen(ctx.now)) {
            return "automation is frozen by " + ctx.overrides.frozenBy() + " until "
                    + Instant.ofEpochMilli(ctx.overrides.frozenUntil());
        }
        if (ctx.failStatic) {
            return "fail-static engaged: " + ctx.report.badLocations() + " locations look bad at once";
        }
        int evacuated = ctx.evacuationCount();
        if (evacuated >= config.maxEvacuated()) {
            return "max-evacuated " + config.maxEvacuated() + " reached (" + String.join(", ", evacuatedIds(ctx)) + ")";
        }
        String floor = holdManual(ctx, l);
        if (floor != null) {
            return floor;
        }
        if (ctx.recentEvacuations.size() >= config.maxNewEvacuations()) {
            return "rate limit: " + ctx.recentEvacuations.size() + " evacuations in the last "
                    + config.rateWindow().toMinutes() + " min (max " + config.maxNewEvacuations() + ")";
        }
        return null;
    }

    /** Why any evacuation of {@code l} must wait, or null: only the minimum-serving floor. */
    String holdManual(StepContext ctx, int l) {
        int servingAfter = ctx.topology.size() - ctx.evacuationCount() - 1;
        if (servingAfter < config.minServing()) {
            return "min-serving " + config.minServing() + ": evacuating " + ctx.id(l) + " would leave "
                    + servingAfter + " serving";
        }
        return null;
    }

    /** True when automation may move traffic this tick (not frozen, not failing static). */
    boolean automationAllowed(StepContext ctx) {
        return !ctx.overrides.frozen(ctx.now) && !ctx.failStatic;
    }

    /**
     * Engages fail-static when at least the configured fraction of locations look bad at once,
     * releases it when fewer do; alerts on engage, reports on release.
     */
    void updateFailStatic(StepContext ctx) {
        int threshold = config.failStaticCount(ctx.topology.size());
        int bad = ctx.report.badLocations();
        if (!ctx.failStatic && bad >= threshold) {
            ctx.failStatic = true;
            ctx.alert(AlertKind.FAIL_STATIC, -1, DecisionKind.FAIL_STATIC_ENGAGED,
                    "fail-static: " + bad + " of " + ctx.topology.size() + " locations look bad at once (threshold "
                            + threshold + "): suspecting the observers, moving no traffic. Bad: "
                            + String.join(", ", badIds(ctx)));
        } else if (ctx.failStatic && bad < threshold) {
            ctx.failStatic = false;
            ctx.notify(-1, DecisionKind.FAIL_STATIC_RELEASED, "fail-static released: " + bad
                    + " locations look bad (threshold " + threshold + "); automation resumes", List.of(), List.of());
        }
    }

    private static List<String> evacuatedIds(StepContext ctx) {
        List<String> ids = new ArrayList<>();
        for (int l = 0; l < ctx.tracks.length; l++) {
            if (ctx.tracks[l].state().isEvacuation()) {
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
