package houston.app.cli;

import houston.app.wiring.SlackStandIn;
import houston.dns.records.Change;
import houston.dns.records.PoolLayout;
import houston.dns.records.RecordSet;
import houston.dns.route53.Route53StandIn;
import houston.dns.zone.InMemoryZone;
import houston.ha.Ensemble;
import houston.probes.intake.HmacAuth;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingCluster;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the replica ITs share: a real three-server ZooKeeper ensemble, one Route 53 (the stand-in,
 * reached through the real AWS SDK) recording every plan generation it accepts, one Slack (the
 * stand-in), two canary sites (lab-a breaks on demand), and {@code houston run} replicas as processes.
 */
final class ReplicaLab implements AutoCloseable {

    /** The shipped default session timeout and tick: the hand-over they give is the figure in docs/replicas.md. */
    static final Duration SESSION = Duration.ofSeconds(6);
    static final Duration TICK = Duration.ofSeconds(1);
    private static final String SECRET = "replica-shared-secret-0123";

    final Vertx vertx = Vertx.vertx();
    final TestingCluster zookeeper = Ensemble.cluster();
    final Route53StandIn route53;
    final SlackStandIn slack = new SlackStandIn();
    /** While set, lab-a answers 503: its users must be evacuated. */
    final AtomicBoolean broken = new AtomicBoolean();
    /** Each plan generation DNS accepted, in order (a claim of the fence publishes none). */
    final List<Long> published = new CopyOnWriteArrayList<>();
    final List<ReplicaProcess> replicas = new ArrayList<>();
    /** More configuration every replica started from now on reads (after the lab's own). */
    String extraConfig = "";
    private final Path dir;
    private final HttpServer siteA;
    private final HttpServer siteB;

    ReplicaLab(Path dir) throws Exception {
        this.dir = dir;
        zookeeper.start();
        route53 = new Route53StandIn(vertx, new InMemoryZone(Clock.systemUTC(), Duration.ZERO) {
            @Override
            public synchronized String submit(List<Change> batch, String comment) {
                String id = super.submit(batch, comment);
                if (batch.stream().anyMatch(c -> "A".equals(c.set().type()))) {
                    batch.stream().filter(c -> c.action() == Change.Action.CREATE && "TXT".equals(c.set().type()))
                            .forEach(c -> published.add(PoolLayout.generationOf(c.set())));
                }
                return id;
            }
        });
        siteA = vertx.createHttpServer().requestHandler(r -> {
            if (broken.get()) {
                r.response().setStatusCode(503).end("down");
            } else {
                r.response().end("<p>houston-canary</p>");
            }
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        siteB = vertx.createHttpServer().requestHandler(r -> r.response().end("<p>houston-canary</p>"))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Files.writeString(dir.resolve("slack-token"), "xoxb-test");
        Files.writeString(dir.resolve("api-token"), SECRET);
    }

    /** Replica {@code n}'s config: its own journal and port, the shared ensemble, DNS, Slack and sites. */
    Path config(int n, String connect) throws Exception {
        Path home = Files.createDirectories(dir.resolve("replica-" + n));
        return DaemonProcess.config(home, siteA.actualPort(), siteB.actualPort(), ""
                + "houston.tick = " + TICK.toMillis() + "ms\n"
                + "houston.dns { provider = route53, writer-id = replica-" + n + ", route53 { hosted-zone-id = "
                + Route53StandIn.ZONE_ID + ", endpoint = \"http://127.0.0.1:" + route53.port() + "\" } }\n"
                + "houston.ha { provider = zookeeper, replica = replica-" + n + ", zookeeper { connect = \"" + connect
                + "\", session-timeout = " + SESSION.toMillis() + "ms } }\n"
                + "houston.api.token-file = \"" + dir.resolve("api-token") + "\"\n"
                + "houston.slack { token-file = \"" + dir.resolve("slack-token") + "\", api-url = \"" + slack.baseUrl()
                + "\", channel = C1 }\n"
                + "houston.probes { interval = 200ms, jitter = 20ms }\n"
                + "houston.health { window = 1s, min-samples = 3 }\n"
                + "houston.hysteresis { down-hold = 500ms, up-hold = 1h }\n" + extraConfig);
    }

    /** Starts replica {@code n} (again, after a stop: same journal, same config) on {@code connect}. */
    ReplicaProcess replica(int n, String connect) throws Exception {
        ReplicaProcess r = ReplicaProcess.start(config(n, connect));
        replicas.add(r);
        return r;
    }

    ReplicaProcess replica(int n) throws Exception {
        return replica(n, zookeeper.getConnectString());
    }

    /** An operator command, signed, sent to {@code at}'s /v1/commands: accepted (202). */
    void command(ReplicaProcess at, String command) throws Exception {
        HmacAuth signer = new HmacAuth(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60), Clock.systemUTC(), 10);
        String body = "{\"command\":\"" + command + "\",\"by\":\"alice\"}";
        long ts = Instant.now().getEpochSecond();
        int status = at.send(at.request("/v1/commands").POST(HttpRequest.BodyPublishers.ofString(body))
                .header(HmacAuth.TIMESTAMP, String.valueOf(ts))
                .header(HmacAuth.SIGNATURE, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))).statusCode();
        assertEquals(202, status);
    }

    /** The target ("evacuated", "healthy") of the pin on {@code location}, or null. */
    static String pinOf(ReplicaProcess r, String location) {
        JsonObject s = r.status();
        JsonObject pin = s == null ? null : s.getJsonObject("pins").getJsonObject(location);
        return pin == null ? null : pin.getString("target");
    }

    /**
     * The ensemble loses Houston's shared state (rebuilt empty, or restored from before the replicas
     * ran): the snapshot znode is deleted; the election is left alone.
     */
    void loseSharedState() throws Exception {
        try (CuratorFramework zk = zookeeperClient()) {
            zk.delete().forPath("/houston/state");
        }
    }

    /** Operator commands queued in ZooKeeper that no leader has yet written the effect of. */
    int queuedCommands() {
        try (CuratorFramework zk = zookeeperClient()) {
            return zk.checkExists().forPath("/houston/commands") == null ? 0 : zk.getChildren().forPath("/houston/commands").size();
        } catch (Exception e) {
            throw new IllegalStateException("reading the command queue: " + e, e);
        }
    }

    /** The DNS generation the leader last wrote to the shared state as live (0 before any). */
    long sharedLiveGeneration() throws Exception {
        try (CuratorFramework zk = zookeeperClient()) {
            return zk.checkExists().forPath("/houston/state") == null ? 0
                    : new JsonObject(new String(zk.getData().forPath("/houston/state"), StandardCharsets.UTF_8))
                    .getLong("liveGeneration", 0L);
        }
    }

    private CuratorFramework zookeeperClient() throws InterruptedException {
        CuratorFramework zk = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100));
        zk.start();
        zk.blockUntilConnected(10, TimeUnit.SECONDS);
        return zk;
    }

    /** The ownership record DNS holds now. */
    String owner() {
        return route53.zone.list().stream().filter(r -> "TXT".equals(r.type())).map(RecordSet::values)
                .map(v -> v.get(0)).findFirst().orElse("");
    }

    /** Incident threads in Slack other than the cut-off pages. */
    List<String> incidentThreads() {
        return threadStarts().filter(m -> !m.contains("cut off from ZooKeeper")).toList();
    }

    /** The "cut off from ZooKeeper" pages, as posted. */
    List<String> cutOffPages() {
        return threadStarts().filter(m -> m.contains("cut off from ZooKeeper")).toList();
    }

    private java.util.stream.Stream<String> threadStarts() {
        return slack.threadStarts().stream().map(r -> java.net.URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8));
    }

    int cutOffAlerts() {
        return slack.threadStarts().size() - incidentThreads().size();
    }

    @Override
    public void close() throws Exception {
        for (ReplicaProcess r : replicas) {
            r.close();
        }
        slack.close();
        route53.close();
        zookeeper.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
