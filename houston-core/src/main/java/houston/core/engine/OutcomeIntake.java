package houston.core.engine;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.Inputs.CapacityReading;
import houston.core.engine.Inputs.DemandReading;

import java.util.List;

/**
 * Folds what became of earlier actions, and fresh demand and capacity readings, into the step
 * (a reading older than the demand max-age is ignored; see {@link StaleDemand}).
 * A publish confirmed INSYNC advances the live generation; a failed one is alerted and retried
 * after a backoff ({@link PublishRetry}); an accepted one not yet confirmed is asked about again; lost ownership stops publishing until a human looks. A receiver's scale-up
 * that is ready stops being waited for; one that failed or timed out is not ready: the
 * evacuations waiting for it plan it on its ready instances and look elsewhere for the rest.
 */
final class OutcomeIntake {

    private final ReceiverDrain receivers;
    private final StaleDemand staleDemand = new StaleDemand();

    OutcomeIntake(ReceiverDrain receivers) {
        this.receivers = receivers;
    }

    void apply(StepContext ctx, List<ActionOutcome> outcomes) {
        for (ActionOutcome outcome : outcomes) {
            if (outcome instanceof PlanPublished p) {
                published(ctx, p);
            } else if (outcome instanceof ScaleResult s) {
                scaled(ctx, s);
            }
        }
    }

    void readings(StepContext ctx, List<DemandReading> demand, List<CapacityReading> capacity) {
        for (DemandReading d : demand) {
            int l = ctx.topology.indexOrMinusOne(d.location());
            long at = d.measuredAt() > 0 ? d.measuredAt() : ctx.now;
            if (l >= 0 && d.rps() >= 0 && fresh(ctx, at) && at >= ctx.demandReadAt[l]) {
                RisingDemand.read(ctx, l, d.rps(), at);
                ctx.demand[l] = d.rps();
                ctx.demandReadAt[l] = at;
            }
        }
        staleDemand.apply(ctx);
        for (CapacityReading c : capacity) {
            int l = ctx.topology.indexOrMinusOne(c.location());
            long at = c.measuredAt() > 0 ? c.measuredAt() : ctx.now;
            if (l >= 0 && c.instances() >= 0 && fresh(ctx, at)) {
                if (c.instances() > ctx.instances[l]) {
                    ScaleRequests.grew(ctx, l);
                }
                ctx.instances[l] = c.instances();
                if (ctx.requested[l] > 0 && c.instances() >= ctx.requested[l]) {
                    ready(ctx, l);
                }
            }
        }
    }

    /** A stale reading says nothing about now: it is ignored, like no reading at all. */
    private static boolean fresh(StepContext ctx, long measuredAt) {
        return ctx.now - measuredAt <= ctx.config.demand().maxAge().toMillis();
    }

    private void published(StepContext ctx, PlanPublished p) {
        switch (p.status()) {
            case INSYNC -> ctx.liveGeneration = Math.max(ctx.liveGeneration, p.generation());
            case FAILED -> {
                // The fallback tracker learns of this failure after this; until then it knows of earlier ones only.
                long failingFor = ctx.fallback.failingSince() > 0 ? ctx.now - ctx.fallback.failingSince()
                        : p.took().toMillis();
                long wait = PublishRetry.delayMs(failingFor, ctx.config.safety().publishRetry(), ctx.now);
                ctx.retryPublishAt = ctx.now + wait;
                ctx.alert(AlertKind.DNS_PUBLISH_FAILED, -1, DecisionKind.PUBLISH_FAILED, "DNS publish of plan generation "
                        + p.generation() + " failed: " + p.detail() + "; retrying in "
                        + (wait < 10_000 ? String.format(java.util.Locale.ROOT, "%.1fs", wait / 1000.0) : wait / 1000 + "s"));
            }
            case ACCEPTED -> {
                // The change will be applied: not sent again, not alerted; asked about again soon, and only
                // a confirmed INSYNC makes it live for the engine (the adapter polls the change it holds).
                ctx.retryPublishAt = ctx.now + PublishRetry.delayMs(0, ctx.config.safety().publishRetry(), ctx.now);
            }
            case LOST_OWNERSHIP -> {
                ctx.publishBlocked = "lost DNS ownership at generation " + p.generation() + ": " + p.detail();
                ctx.alert(AlertKind.DNS_OWNERSHIP_LOST, -1, DecisionKind.PUBLISH_FAILED, ctx.publishBlocked
                        + "; another writer owns the zone, Houston stopped publishing");
            }
        }
    }

    private void scaled(StepContext ctx, ScaleResult s) {
        int l = ctx.topology.indexOrMinusOne(s.location());
        if (l < 0) {
            return;
        }
        switch (s.status()) {
            case REQUESTED -> {
                // Nothing to do until it is ready or fails.
            }
            case READY -> {
                ctx.instances[l] = Math.max(ctx.instances[l], s.instances());
                String incident = ScaleRequests.incidentOf(ctx, l);
                ready(ctx, l);
                ScaleRequests.grew(ctx, l);
                if (incident != null) {
                    // Told where someone waits for it. A growth no incident holds (the floors' advance
                    // pre-scales, the API's alert having said they grow) would open a thread per location.
                    ctx.notifyIn(incident, l, DecisionKind.SCALE_UPDATE, s.location() + " ready at " + s.instances() + " instances");
                }
            }
            case FAILED, TIMED_OUT -> {
                // Not ready: the evacuations waiting for it plan it on the instances it really runs.
                String why = ScaleRequests.failed(ctx, l, s);
                receivers.cannotGrow(ctx, l, why);
                OwnOverload.cannotGrow(ctx, l);
            }
        }
    }

    /** Nobody waits for {@code l}'s pre-scale any more. */
    private void ready(StepContext ctx, int l) {
        if (ctx.instances[l] >= ctx.requested[l]) {
            ctx.requested[l] = 0;
        }
        String id = ctx.id(l);
        for (int e = 0; e < ctx.tracks.length; e++) {
            LocationTrack t = ctx.tracks[e];
            if (t.awaitingReady().contains(id)) {
                ctx.tracks[e] = t.withAwaitingReady(t.awaitingReady().stream().filter(r -> !r.equals(id)).toList());
            }
        }
    }
}
