package houston.core.engine;

import houston.core.config.DnsFallbackConfig;
import houston.core.engine.ActionOutcome.FallbackEngaged;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.model.TrafficPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The second path: when publishes have failed for {@code houston.dns.fallback-after}, locations
 * whose shift Houston decided but whose weights are not live are evacuated through
 * the provider's data plane instead. The data plane is released only once the wanted plan's
 * weights are confirmed live, so those weights already keep the location empty and releasing
 * moves no traffic: traffic moves once on the way out, once on the way back.
 */
final class DnsFallbackTracker {

    private final DataPlaneRoom room;

    DnsFallbackTracker(DataPlaneRoom room) {
        this.room = room;
    }

    /**
     * Folds publish and fallback outcomes into {@code ctx.fallback}: publishes first, so a fallback
     * confirmed in the same tick is told with the outage as it stands after them.
     */
    void outcomes(StepContext ctx, List<ActionOutcome> outcomes) {
        long failing = ctx.fallback.apiFailingSince();
        outcomes.stream().filter(PlanPublished.class::isInstance).map(PlanPublished.class::cast)
                .forEach(p -> published(ctx, p));
        outcomes.stream().filter(FallbackEngaged.class::isInstance).map(FallbackEngaged.class::cast)
                .forEach(f -> engaged(ctx, f));
        noteRecovery(ctx, failing);
    }

    /**
     * The evacuations waiting for DNS of locations every vantage calls dead wait for the API only this
     * long (two control-plane reads, or a publish and its first retry) before the data plane drops them,
     * not {@code fallback-after}. That wait lets a blip of the API pass before a coarse path is taken, and
     * a blip costs a grey failure's users little; a dead location's users all fail every second it lasts,
     * and Route 53's fast health checks drop it within three 10 s intervals. With the API down a minute
     * before eu-west-1 died, or from the same second, waiting fallback-after lost to those checks
     * (6.4 M and 9.3 M failed requests against route53-fast's 6.3 M; 3.8 M and 4.0 M now). The drop
     * still waits for its receivers' ready room, and a data-plane drop of a location that is dead moves
     * no user who was being served.
     */
    static final Duration DEAD_AFTER = Duration.ofSeconds(10);

    private static List<String> deadEvacuating(StepContext ctx) {
        return DataPlaneCandidates.evacuating(ctx).stream()
                .filter(id -> "dead".equals(SafetyPolicy.unanimousVerdict(ctx, ctx.topology.indexOf(id)))).toList();
    }

    /** Why a drop came before fallback-after without a flapping API, for the thread; "" when it did not. */
    private static String beforeFallbackAfter(StepContext ctx, DnsFallback f) {
        return !f.flapping() && ctx.now - f.apiFailingSince() < ctx.config.dnsFallback().after().toMillis()
                ? " (every vantage calls it dead: fallback-after not waited)" : "";
    }

    /** Why these went before fallback-after, for the action's reason; "" when nothing did. */
    private static String deadNote(List<String> dead) {
        return dead.isEmpty() ? "" : " (every vantage calls " + String.join(", ", dead) + " dead: fallback-after not waited)";
    }

    /** Why the data plane did not wait fallback-after, for the action's reason and the thread alike; "" when it did. */
    private static String flappingNote(DnsFallback f) {
        return f.flapping() ? " (failed again " + human(f.apiFailingSince() - f.recoveredAt())
                + " after it last came back: flapping, fallback-after not waited)" : "";
    }

    /** The API was failing ({@code failingBefore} &gt; 0) and no longer is: remember when it came back. */
    private static void noteRecovery(StepContext ctx, long failingBefore) {
        if (failingBefore > 0 && ctx.fallback.apiFailingSince() == 0) {
            ctx.fallback = ctx.fallback.recovered(ctx.now);
        }
    }

    /** What each location serves through the data plane as it stands, for the step to judge loads on. */
    void served(StepContext ctx) {
        ctx.servedThroughDataPlane = ctx.fallback.engaged() ? room.served(ctx, ctx.fallback.live()) : null;
    }

    /** Asks for the data-plane set this step calls for, unless it is live or already asked for. */
    void decide(StepContext ctx) {
        DnsFallbackConfig config = ctx.config.dnsFallback();
        DnsFallback f = ctx.fallback;
        if (!config.enabled() || ctx.dryRun() || ctx.publishBlocked != null) {
            return;
        }
        List<String> desired;
        long since = f.apiFailingSince();
        if (since > 0) {
            room.preScaleFloors(ctx, f.live());
        }
        boolean waited = since > 0 && (ctx.now - since >= config.after().toMillis() || f.flapping());
        List<String> dead = since > 0 && !waited && ctx.now - since >= DEAD_AFTER.toMillis() ? deadEvacuating(ctx) : List.of();
        if (waited || !dead.isEmpty()) {
            // Publishes may work again before the control-plane watch's next read clears the outage: what the
            // live weights still send home stays out meanwhile, or it would be released and dropped again.
            List<String> out = new ArrayList<>(waited ? DataPlaneCandidates.evacuating(ctx) : dead);
            if (ctx.wantedPlanLive()) {
                DataPlaneCandidates.stillSentHome(ctx, f.live()).stream().filter(id -> !out.contains(id)).forEach(out::add);
            }
            desired = room.admit(ctx, out.stream().sorted().toList());
        } else if (ctx.wantedPlanLive()) {
            desired = DataPlaneCandidates.stillSentHome(ctx, f.live());
        } else {
            desired = f.live(); // the control plane answers again, but the weights are not live yet
        }
        boolean settled = desired.equals(f.live()) && f.requested() == null;
        boolean inFlight = desired.equals(f.requested());
        if (settled || inFlight || ctx.now < f.retryAt()) {
            return;
        }
        String reason = desired.isEmpty() ? "the wanted weights are live: release the data-plane evacuation"
                : "DNS API failing for " + human(ctx.now - since) + flappingNote(f) + deadNote(dead) + ": evacuate " + desired
                + " through " + config.mode().label() + " (data plane)";
        ctx.actions.add(new Action.EngageFallback(desired, reason));
        ctx.fallback = f.with(f.failingSince(), f.live(), desired, 0);
    }

    /**
     * Folds the control-plane watch's reads, oldest first: a failed read starts the watch's failure
     * (when the read was sent), told once; an answered read clears the watch's failure only. Route 53
     * can answer reads while it throttles writes, so a failing publish is cleared by a confirmed
     * publish alone.
     */
    void watched(StepContext ctx, List<Inputs.ControlPlaneReading> readings) {
        for (Inputs.ControlPlaneReading r : readings) {
            DnsFallback f = ctx.fallback;
            if (r.ok() && f.watchFailingSince() != 0) {
                answeredAgain(ctx);
                noteRecovery(ctx, f.apiFailingSince());
            } else if (!r.ok() && f.watchFailingSince() == 0) {
                ctx.fallback = f.watching(r.atMs());
                DnsFallbackConfig config = ctx.config.dnsFallback();
                ctx.alert(AlertKind.DNS_CONTROL_PLANE_DOWN, -1, DecisionKind.PUBLISH_FAILED, "DNS API down: a "
                        + "control-plane read failed (" + r.detail() + "); nothing moves for it, but " + (config.enabled()
                        ? "floor receivers pre-scale, and a location evacuated once it has failed for "
                        + human(config.after().toMillis()) + " is dropped through " + config.mode().label() + " at once"
                        : "publishes will fail and no data-plane fallback is configured"));
            }
        }
    }

    /**
     * The API answers again after the watch saw it fail: whatever waits out a publish backoff (up to
     * {@code publish-retry}, 10 s by default) is tried on this tick instead, since the failure it backs off
     * from is over. Only a read that had failed counts, so a write throttle the reads never saw keeps its backoff.
     */
    private static void answeredAgain(StepContext ctx) {
        DnsFallback f = ctx.fallback;
        ctx.fallback = f.with(f.failingSince(), f.live(), f.requested(), Math.min(f.retryAt(), ctx.now)).watching(0);
        if (ctx.retryPublishAt > ctx.now) {
            ctx.retryPublishAt = ctx.now;
        }
    }

    private static void published(StepContext ctx, PlanPublished p) {
        DnsFallback f = ctx.fallback;
        switch (p.status()) {
            // Any confirmed change proves the control plane answers again.
            case INSYNC -> {
                ctx.fallback = f.with(0, f.live(), f.requested(), f.retryAt());
                TrafficPlan confirmed = ctx.wantedPlan().generation() == p.generation() ? ctx.wantedPlan()
                        : f.sent(p.generation());
                if (confirmed != null) {
                    ctx.fallback = ctx.fallback.holding(confirmed);
                }
            }
            // A change accepted but whose INSYNC polls were refused is no more live than a refused one: under a
            // throttle the polls keep failing, and clearing the clock on each acceptance kept the data plane from
            // ever engaging while the evacuation's weights stayed unconfirmed for many minutes.
            case FAILED, ACCEPTED -> {
                if (f.failingSince() == 0) {
                    // The failure is known when the adapter gives up; it began when the publish was sent.
                    long began = ctx.now - p.took().toMillis();
                    ctx.fallback = f.with(began, f.live(), f.requested(), f.retryAt());
                }
            }
            case LOST_OWNERSHIP -> {
                // Not an outage: another writer owns the zone, and a human decides.
            }
        }
    }

    private static void engaged(StepContext ctx, FallbackEngaged e) {
        DnsFallback f = ctx.fallback;
        List<String> requested = e.locations().equals(f.requested()) ? null : f.requested();
        if (!e.engaged()) {
            long retryAt = ctx.now + ctx.config.safety().publishRetry().toMillis();
            ctx.fallback = f.with(f.failingSince(), f.live(), requested, retryAt);
            ctx.alert(AlertKind.DNS_FALLBACK_FAILED, -1, DecisionKind.PUBLISH_FAILED, "setting the DNS data-plane "
                    + "fallback to " + e.locations() + " failed: " + e.detail() + "; retrying in "
                    + ctx.config.safety().publishRetry().toSeconds() + "s");
            return;
        }
        String path = ctx.config.dnsFallback().mode().label();
        // ARC names the cluster endpoint that took the change and those that failed first: worth a human's eye.
        String through = ctx.config.dnsFallback().mode() == DnsFallbackConfig.Mode.ARC ? ": " + e.detail() : "";
        for (String id : e.locations()) {
            if (!f.live().contains(id)) {
                ctx.notify(ctx.topology.indexOf(id), DecisionKind.FALLBACK_ENGAGED, "DNS API down for "
                        + human(ctx.now - f.apiFailingSince()) + flappingNote(f) + beforeFallbackAfter(ctx, f) + "; " + id
                        + " evacuated through " + path
                        + " (data plane)" + through, List.of(), notes(ctx, f, e.detail()));
            }
        }
        for (String id : f.live()) {
            if (!e.locations().contains(id)) {
                String why = f.failingSince() == 0 ? "DNS API back and the weights of plan generation "
                        + ctx.liveGeneration + " are live" : id + " is no longer evacuating";
                ctx.notify(ctx.topology.indexOf(id), DecisionKind.FALLBACK_RELEASED, why + "; " + id
                        + "'s " + path + " released: traffic follows the weights", List.of(), List.of());
            }
        }
        ctx.fallback = f.with(f.failingSince(), e.locations(), requested, 0);
    }

    private static List<String> notes(StepContext ctx, DnsFallback f, String detail) {
        List<String> notes = new ArrayList<>();
        notes.add("DNS API failing since " + Instant.ofEpochMilli(f.apiFailingSince()) + " (publishes: "
                + failingText(f.failingSince()) + "; control-plane watch: " + failingText(f.watchFailingSince())
                + "); fallback-after " + human(ctx.config.dnsFallback().after().toMillis()));
        notes.add("live path: data plane (" + ctx.config.dnsFallback().mode().label() + "); the weights of plan "
                + "generation " + ctx.liveGeneration + " stay live until a publish succeeds");
        notes.add("data plane: " + detail);
        return notes;
    }

    private static String failingText(long ms) {
        return ms == 0 ? "not failing" : "failing since " + Instant.ofEpochMilli(ms);
    }

    /** "45 s" under a minute, whole minutes above: how long an outage has lasted, for humans. */
    static String human(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
