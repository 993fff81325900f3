package houston.app.daemon;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.DecisionEngine;
import houston.core.engine.EngineState;
import houston.core.engine.OperatorCommand;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The daemon's first look at DNS, and a start without it. Reading the zone is a control-plane
 * call (ListResourceRecordSets): when the DNS API is down a restart must still come up with what
 * the journal remembers, above all the data-plane fallback set Route 53's health checks read,
 * or every check fails, Route 53 fails open and traffic returns to the evacuated location. So:
 * start from the journal unchecked (no journal: the initial plan, fail-static), publish nothing
 * until DNS has been read (a publish would take over whatever is live, unchecked), read again
 * every {@code retryEvery}, and on the first answer make the check a start makes: DNS wins a
 * disagreement, as it would have at the start.
 */
final class DnsStartGate implements DnsSwitch {

    private static final Logger log = LoggerFactory.getLogger(DnsStartGate.class);

    private final DnsSwitch dns;
    private final DecisionEngine engine;
    private final JsonlJournal journal;
    private final JournalRestore.Start start;
    private final Duration retryEvery;
    private final boolean replica;
    private final AtomicBoolean reading = new AtomicBoolean();
    /** Null once DNS has been read; until then when the start found it unreadable, and why. */
    private volatile Instant unreadSince;
    private volatile String unreadBecause;
    private volatile Instant nextReadAt;

    private DnsStartGate(DnsSwitch dns, DecisionEngine engine, JsonlJournal journal, JournalRestore.Start start,
                         Duration retryEvery, boolean replica, Instant unreadSince, String unreadBecause) {
        this.dns = dns;
        this.engine = engine;
        this.journal = journal;
        this.start = start;
        this.retryEvery = retryEvery;
        this.replica = replica;
        this.unreadSince = unreadSince;
        this.unreadBecause = unreadBecause;
        this.nextReadAt = unreadSince == null ? null : unreadSince.plus(retryEvery);
    }

    /**
     * Reads DNS (waiting at most {@code wait}) and restores the state to start from, with DNS or without.
     * {@code replica}: one of several replicas ({@link JournalRestore#restore(DecisionEngine, JsonlJournal,
     * TrafficPlan, Instant, boolean)}).
     */
    static DnsStartGate open(DnsSwitch dns, DecisionEngine engine, JsonlJournal journal, Instant now, Duration wait,
                             Duration retryEvery, boolean replica) throws InterruptedException {
        TrafficPlan live;
        try {
            live = dns.readLive().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof TimeoutException ? "no answer in " + wait.toSeconds() + "s"
                    : String.valueOf(e.getCause());
            JournalRestore.Start start = JournalRestore.restoreUnchecked(engine, journal, now);
            log.warn("DNS cannot be read at start ({}): {}; nothing is published until it can be read, tried again "
                    + "every {}s", why, start.replayed() ? "serving the state the journal restored (fallback set "
                    + start.state().dnsFallback().live() + ")" : "no journal: fail-static, the initial plan",
                    retryEvery.toSeconds());
            return new DnsStartGate(dns, engine, journal, start, retryEvery, replica, now, why);
        }
        return new DnsStartGate(dns, engine, journal, JournalRestore.restore(engine, journal, live, now, replica),
                retryEvery, replica, null, null);
    }

    JournalRestore.Start start() {
        return start;
    }

    /** True once DNS has been read (at the start or since). */
    boolean read() {
        return unreadSince == null;
    }

    @Override
    public CompletionStage<PlanPublished> publish(TrafficPlan plan) {
        if (!read()) {
            return CompletableFuture.completedFuture(new PlanPublished(plan.generation(), PublishStatus.FAILED,
                    "not sent: DNS could not be read since the start (" + unreadBecause + ")", Duration.ZERO));
        }
        return dns.publish(plan);
    }

    @Override
    public CompletionStage<TrafficPlan> readLive() {
        return dns.readLive();
    }

    /** Reads DNS again after every tick once {@code retryEvery} has passed, until it answers. */
    void retryFrom(ControlLoop loop, Clock clock) {
        loop.onTick((step, nanos) -> {
            Instant now = clock.instant();
            if (read() || now.isBefore(nextReadAt) || !reading.compareAndSet(false, true)) {
                return;
            }
            nextReadAt = now.plus(retryEvery);
            dns.readLive().whenComplete((live, e) -> {
                try {
                    if (e != null) {
                        unreadBecause = String.valueOf(e instanceof java.util.concurrent.CompletionException
                                ? e.getCause() : e);
                        log.debug("DNS still cannot be read: {}", unreadBecause);
                    } else {
                        checkAgainst(loop, live, clock.instant());
                    }
                } finally {
                    reading.set(false);
                }
            });
        });
    }

    /** The check a start makes, made late: a journal that agrees goes on; DNS wins a disagreement. */
    private void checkAgainst(ControlLoop loop, TrafficPlan live, Instant now) {
        List<OperatorCommand> carried = new ArrayList<>();
        loop.resume(current -> {
            JournalRestore.Start checked = JournalRestore.restore(engine, journal, live, now, replica);
            carried.addAll(checked.carried());
            unreadSince = null;
            if (checked.replayed()) {
                log.info("DNS can be read again: it agrees with the journal; publishing resumes");
                return current;
            }
            EngineState fromDns = checked.state();
            journal.checkpoint(new JsonlJournal.Checkpoint(now, fromDns.plan().toMap(), fromDns.plan().generation(),
                    fromDns.liveGeneration()));
            loop.dataPlane().evacuate(fromDns.dnsFallback().live());
            log.warn("DNS can be read again and disagrees with the state the daemon started from: continuing from "
                    + "DNS (plan generation {})", fromDns.plan().generation());
            return fromDns;
        });
        // The overrides of the journal DNS won over are given again, as at a start that found it so.
        carried.forEach(loop::commandHere);
    }

    /** For /v1/status: whether DNS has been read, and if not since when, why, and what the daemon started from. */
    JsonObject status() {
        Instant since = unreadSince;
        if (since == null) {
            return new JsonObject().put("read", true);
        }
        return new JsonObject().put("read", false).put("unreadSince", since.toString()).put("detail", unreadBecause)
                .put("startedFrom", start.replayed() ? "journal, not yet checked against DNS"
                        : "nothing: fail-static, nothing published until DNS can be read");
    }
}
