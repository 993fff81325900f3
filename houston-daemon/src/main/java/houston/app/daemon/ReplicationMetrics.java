package houston.app.daemon;

import houston.ha.CuratorLeadership;
import houston.ha.HaSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A replica's HA metrics ({@code houston_ha_leader{replica}}, {@code houston_ha_epoch},
 * {@code houston_ha_takeovers_total}, {@code houston_ha_takeover_seconds},
 * {@code houston_ha_suppressed_actions_total}) and its part of {@code /v1/status}: who leads,
 * since when, at which epoch.
 */
final class ReplicationMetrics {

    private volatile Timer takeovers;

    /** Called on the takeover thread once a takeover finished. */
    void tookOver(long nanos) {
        Timer t = takeovers;
        if (t != null) {
            t.record(Duration.ofNanos(nanos));
        }
    }

    /** Binds the meters and puts the HA status in front of {@code /v1/status}; nothing with provider none. */
    static void mount(Router router, ControlLoop loop, MeterRegistry registry, Replication replication) {
        if (replication.status() == null) {
            return;
        }
        Gauge.builder("houston.ha.leader", replication, r -> r.acting() ? 1 : 0).tag("replica", replication.replica())
                .description("1 while this replica leads and acts").register(registry);
        Gauge.builder("houston.ha.epoch", replication, Replication::epoch)
                .description("the leader epoch issued by ZooKeeper, as this replica last saw it").register(registry);
        FunctionCounter.builder("houston.ha.suppressed.actions", replication, Replication::suppressed)
                .description("actions this replica decided as a follower and did not execute").register(registry);
        replication.metrics.takeovers = Timer.builder("houston.ha.takeover")
                .description("takeovers by this replica: claiming the DNS fence and resuming the shared state")
                .register(registry);
        // Not ready while this replica has never reached ZooKeeper or its session is LOST: it can neither lead nor
        // know who does. /healthz stays 200: the process is alive, restarting it would not help.
        router.get(DaemonHttp.READY_PATH).order(-1).handler(ctx -> {
            String connection = String.valueOf(replication.status().get("connection"));
            if (connection.equals("CONNECTING") || connection.equals("LOST")) {
                ctx.response().setStatusCode(503).end("not connected to ZooKeeper (" + connection + ")");
            } else {
                ctx.next();
            }
        });
        StatusView view = new StatusView(loop, () -> !replication.acting());
        // Ordered before the daemon's own /v1/status, /v1/plan and /v1/locations: the same documents with the
        // replica's view added.
        // The pins as the daemon renders them (target, expiry, author): a new leader's carry the old one's expiry.
        router.get("/v1/status").order(-1).handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(view.status().put("ha", new JsonObject(replication.status())).encodePrettily()));
        router.get("/v1/plan").order(-1).handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(view.plan().encodePrettily()));
        // A follower's locations claim nothing about DNS either: served by the daemon's own view they showed
        // its engine's start as what DNS holds (100% at home for a location the leader had evacuated).
        router.get("/v1/locations").order(-1).handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(view.locations().encodePrettily()));
    }

    /** The HA part of {@code /v1/status}: {@code seen} is the snapshot of the current leader, or empty. */
    static Map<String, Object> status(CuratorLeadership leadership, HaSnapshot seen) {
        Map<String, Object> status = new HashMap<>();
        status.put("replica", leadership.replica());
        status.put("acting", leadership.acting());
        status.put("connection", leadership.connection());
        status.put("leader", seen.leader().isEmpty() ? null : seen.leader());
        status.put("epoch", seen.epoch());
        status.put("since", seen.since() == 0 ? null : Instant.ofEpochMilli(seen.since()).toString());
        status.put("takeover", leadership.takeoverProblem());
        return status;
    }
}
