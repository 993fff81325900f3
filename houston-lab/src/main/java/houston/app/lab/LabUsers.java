package houston.app.lab;

import houston.core.engine.Inputs;
import houston.core.model.Location;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * The lab's visitors: each catchment sends {@code peak demand / 1000} requests/s to the location
 * its cached DNS answer names. After the plan changes, visitors move over within one TTL (each
 * re-resolves at a random moment in it), except {@value #STRAGGLERS_PERCENT}% who keep the old
 * answer for ten TTLs — so load really moves, late and incompletely, as it does. Counts what each
 * serving location answered (ok, 5xx, failed) per second, shown by {@code GET /lab/traffic}, and
 * what each catchment sent: the daemon's measured demand.
 */
final class LabUsers {

    static final int STRAGGLERS_PERCENT = 2;
    private static final long TICK_MS = 100;

    private final Vertx vertx;
    private final Topology topology;
    private final Supplier<TrafficPlan> livePlan;
    private final long ttlMs;
    private final HttpClient client;
    private final SplittableRandom random = new SplittableRandom();
    private final double[] carry;
    private final AtomicLongArray ok;
    private final AtomicLongArray errors;
    private final AtomicLongArray failed;
    private final AtomicLongArray sent;
    private long[] lastSecond = new long[0];
    private long[] lastSent = new long[0];
    private volatile List<Inputs.DemandReading> demand = List.of();
    private TrafficPlan current;
    private TrafficPlan previous;
    private long changedAt;
    private long timer = -1;
    private io.vertx.core.Context context;
    private long secondTimer = -1;
    private volatile JsonObject traffic = new JsonObject();

    LabUsers(Vertx vertx, Topology topology, Supplier<TrafficPlan> livePlan, long ttlSeconds) {
        this.vertx = vertx;
        this.topology = topology;
        this.livePlan = livePlan;
        this.ttlMs = ttlSeconds * 1000;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(1000),
                new PoolOptions().setHttp1MaxSize(32));
        int n = topology.size();
        this.carry = new double[n];
        this.ok = new AtomicLongArray(n);
        this.errors = new AtomicLongArray(n);
        this.failed = new AtomicLongArray(n);
        this.sent = new AtomicLongArray(n);
    }

    void start() {
        current = livePlan.get();
        previous = current;
        // Both timers run on this one context, and stop() closes the client there too: a tick then
        // either ran before the close or never runs, instead of racing it from another thread.
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            timer = vertx.setPeriodic(TICK_MS, id -> tick());
            secondTimer = vertx.setPeriodic(1000, id -> summarize());
        });
    }

    private void tick() {
        TrafficPlan live = livePlan.get();
        long now = System.currentTimeMillis();
        // The data plane changes answers without a new generation (a health check dropping a location's
        // records), so a change is any other answer, not only another generation.
        if (live != null && current != null && (live.generation() != current.generation() || !live.sameRowsAs(current))) {
            previous = current;
            current = live;
            changedAt = now;
        }
        for (int c = 0; c < topology.size(); c++) {
            Location home = topology.location(c);
            carry[c] += home.peakDemandRps() / LabWorld.CAPACITY_DIVISOR * TICK_MS / 1000.0;
            while (carry[c] >= 1) {
                carry[c] -= 1;
                sent.incrementAndGet(c);
                send(pick(c, answerFor(now)));
            }
        }
    }

    /** Which plan this visitor's cached answer comes from: moving over within a TTL, a few straggling. */
    private TrafficPlan answerFor(long now) {
        long since = now - changedAt;
        double moved = since >= ttlMs ? 1.0 : (double) since / ttlMs;
        if (random.nextInt(100) < STRAGGLERS_PERCENT && since < 10 * ttlMs) {
            moved = 0;
        }
        return random.nextDouble() < moved ? current : previous;
    }

    private int pick(int catchment, TrafficPlan plan) {
        double r = random.nextDouble();
        for (int s = 0; s < topology.size(); s++) {
            r -= plan.fraction(catchment, s);
            if (r <= 0) {
                return s;
            }
        }
        return catchment;
    }

    private void send(int serving) {
        String edge = topology.location(serving).edges().get(0);
        int port = Integer.parseInt(edge.substring(edge.indexOf(':') + 1));
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setServer(SocketAddress.inetSocketAddress(port,
                        "127.0.0.1")).setHost("www.lab.houston").setPort(port).setURI("/").setTimeout(2000))
                .compose(req -> req.send().compose(res -> res.body().map(b -> res.statusCode())))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        failed.incrementAndGet(serving);
                    } else if (ar.result() >= 500) {
                        errors.incrementAndGet(serving);
                    } else {
                        ok.incrementAndGet(serving);
                    }
                });
    }

    private void summarize() {
        JsonObject out = new JsonObject();
        long[] now = new long[topology.size() * 3];
        for (int s = 0; s < topology.size(); s++) {
            now[s * 3] = ok.get(s);
            now[s * 3 + 1] = errors.get(s);
            now[s * 3 + 2] = failed.get(s);
            long[] prev = lastSecond.length == now.length ? lastSecond : new long[now.length];
            out.put(topology.location(s).id(), new JsonObject().put("okPerSecond", now[s * 3] - prev[s * 3])
                    .put("errorsPerSecond", now[s * 3 + 1] - prev[s * 3 + 1])
                    .put("failedPerSecond", now[s * 3 + 2] - prev[s * 3 + 2]));
        }
        lastSecond = now;
        traffic = out;
        measureDemand();
    }

    /** Requests each catchment sent in the last second, at real scale (the lab sends 1/1000 of it). */
    private void measureDemand() {
        long[] now = new long[topology.size()];
        List<Inputs.DemandReading> readings = new ArrayList<>();
        for (int c = 0; c < now.length; c++) {
            now[c] = sent.get(c);
            if (lastSent.length == now.length) {
                readings.add(new Inputs.DemandReading(topology.location(c).id(),
                        (double) (now[c] - lastSent[c]) * LabWorld.CAPACITY_DIVISOR));
            }
        }
        lastSent = now;
        demand = List.copyOf(readings);
    }

    /** The demand each catchment sent in the last full second (empty before the first one). */
    List<Inputs.DemandReading> demand() {
        return demand;
    }

    /** Requests sent since start, every catchment's together. */
    long sent() {
        long total = 0;
        for (int c = 0; c < sent.length(); c++) {
            total += sent.get(c);
        }
        return total;
    }

    JsonObject traffic() {
        return traffic;
    }

    /** Stops the visitors, then closes their client, on the visitors' own context; waits up to 10 s. */
    void stop() throws InterruptedException {
        if (context == null) {
            client.close();
            return;
        }
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        context.runOnContext(v -> {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(secondTimer);
            client.close().onComplete(done -> closed.countDown());
        });
        closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
