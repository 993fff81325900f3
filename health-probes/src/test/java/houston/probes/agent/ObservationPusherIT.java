package houston.probes.agent;

import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.probes.intake.HmacAuth;
import houston.probes.intake.IntakeRoutes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static houston.testkit.Eventually.await;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent pushing to a real daemon endpoint on loopback, which is up, or down and then up. */
class ObservationPusherIT {

    private static final byte[] SECRET = "agent-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    private Vertx vertx;
    private HttpServer daemon;
    private ObservationPusher pusher;
    private int port;
    private final List<Observation> received = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        pusher = new ObservationPusher(vertx, URI.create("http://127.0.0.1:" + port), "agent-eu",
                new HmacAuth(SECRET, Duration.ofSeconds(60), Clock.systemUTC(), 1000), 10, 4, Duration.ofMillis(50),
                Clock.systemUTC(), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() throws Exception {
        pusher.close();
        if (daemon != null) {
            daemon.close().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void startDaemon() throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            attempts.incrementAndGet();
            ctx.next();
        });
        IntakeRoutes.mount(router, new HmacAuth(SECRET, Duration.ofSeconds(60), Clock.systemUTC(), 1000),
                Set.of("agent-eu"), Set.of("loc-0", "loc-1"), Clock.systemUTC(), received::addAll, s -> { },
                new SimpleMeterRegistry(), 1 << 20, busy::get);
        daemon = vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    private static Observation seen(int i) {
        return new Observation("agent-eu", "loc-" + (i % 2), "t" + i, Instant.now(), Outcome.OK, Duration.ofMillis(i));
    }


    @Test
    void observationsReachTheDaemonInSignedBatches() throws Exception {
        startDaemon();
        pusher.start();

        for (int i = 0; i < 7; i++) {
            pusher.offer(seen(i));
        }
        await(() -> received.size() == 7 && pusher.buffered() == 0);

        assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6"), received.stream().map(Observation::target).toList());
    }

    @Test
    void unreachableDaemonKeepsTheNewestAndCountsWhatWasDropped() throws Exception {
        pusher.start();
        for (int i = 0; i < 25; i++) {
            pusher.offer(seen(i));
        }

        assertEquals(10, pusher.buffered());
        assertEquals(15, pusher.dropped());
    }

    @Test
    void bufferedObservationsAreDeliveredOnceTheDaemonIsBack() throws Exception {
        pusher.start();
        for (int i = 0; i < 25; i++) {
            pusher.offer(seen(i));
        }
        Thread.sleep(200);

        startDaemon();
        await(() -> received.size() == 10 && pusher.delivered() == 10);

        assertEquals("t15", received.get(0).target());
        assertEquals(10, pusher.delivered());
    }

    @Test
    void aBusyDaemonsRetryAfterIsHonouredAndTheBatchIsKeptUntilAccepted() throws Exception {
        busy.set(true);
        startDaemon();
        pusher.start();
        for (int i = 0; i < 3; i++) {
            pusher.offer(seen(i));
        }
        await(() -> attempts.get() == 1);
        Thread.sleep(700);
        int attemptsWithinRetryAfter = attempts.get();
        int bufferedWhileBusy = pusher.buffered();

        busy.set(false);
        await(() -> received.size() == 3);

        assertEquals(1, attemptsWithinRetryAfter, "no retry before Retry-After: 1 s");
        assertEquals(3, bufferedWhileBusy);
        assertEquals(0, pusher.dropped());
        assertEquals(List.of("t0", "t1", "t2"), received.stream().map(Observation::target).toList());
    }
}
