package houston.dns.fallback;

import houston.core.engine.ActionOutcome.FallbackEngaged;
import houston.testkit.Eventually;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arc fallback through the real AWS SDK against a routing-control stand-in with several endpoints. */
class ArcDataPlaneIT {

    private static final Map<String, String> CONTROLS = Map.of(
            "us-east-1", "arn:aws:route53-recovery-control::111122223333:controlpanel/p/routingcontrol/use1",
            "eu-west-1", "arn:aws:route53-recovery-control::111122223333:controlpanel/p/routingcontrol/euw1");

    private Vertx vertx;
    private ArcClusterStandIn cluster;
    private ExecutorService worker;
    private ArcDataPlane plane;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        cluster = new ArcClusterStandIn(vertx, 3, Map.of(CONTROLS.get("us-east-1"), "On", CONTROLS.get("eu-west-1"), "On"));
        worker = Executors.newSingleThreadExecutor();
        plane = new ArcDataPlane(List.of(new ArcDataPlane.Endpoint("us-east-1", cluster.url(0)),
                new ArcDataPlane.Endpoint("us-west-2", cluster.url(1)),
                new ArcDataPlane.Endpoint("eu-west-1", cluster.url(2))), CONTROLS,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHOUSTONTEST", "not-a-secret")), worker);
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
        worker.shutdownNow();
        cluster.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void evacuatingTurnsItsControlOffThroughTheFirstEndpointThatAnswers() throws Exception {
        cluster.down(0);
        cluster.unavailable(1);

        FallbackEngaged outcome = plane.evacuate(List.of("us-east-1")).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertTrue(outcome.engaged(), outcome.detail());
        assertTrue(outcome.detail().startsWith("routing controls set through eu-west-1 "), outcome.detail());
        assertEquals("Off", cluster.state(CONTROLS.get("us-east-1")));
        assertEquals("On", cluster.state(CONTROLS.get("eu-west-1")));
        assertEquals(1, cluster.updates.get());
    }

    @Test
    void releasingTurnsEveryControlOnAgain() throws Exception {
        plane.evacuate(List.of("us-east-1")).toCompletableFuture().get(30, TimeUnit.SECONDS);

        FallbackEngaged outcome = plane.evacuate(List.of()).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertTrue(outcome.engaged(), outcome.detail());
        assertEquals("On", cluster.state(CONTROLS.get("us-east-1")));
        assertEquals("On", cluster.state(CONTROLS.get("eu-west-1")));
    }

    @Test
    void closingStopsItsOwnThreadAndItsSdkClients() throws Exception {
        long sdkThreads = threads("sdk-");
        ArcDataPlane own = ArcDataPlane.withOwnThread(List.of(new ArcDataPlane.Endpoint("us-east-1", cluster.url(0)),
                new ArcDataPlane.Endpoint("us-west-2", cluster.url(1))), CONTROLS,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDHOUSTONTEST", "not-a-secret")));
        assertTrue(own.evacuate(List.of("us-east-1")).toCompletableFuture().get(30, TimeUnit.SECONDS).engaged());

        own.close();

        Eventually.await(() -> threads("houston-arc") == 0 && threads("sdk-") <= sdkThreads);
        assertEquals(0, threads("houston-arc"));
    }

    private static long threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    @Test
    void everyEndpointDownIsAFailureNamingEach() throws Exception {
        cluster.down(0);
        cluster.unavailable(1);
        cluster.unavailable(2);

        FallbackEngaged outcome = plane.evacuate(List.of("us-east-1")).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertFalse(outcome.engaged());
        assertTrue(outcome.detail().startsWith("every ARC cluster endpoint failed: us-east-1 "), outcome.detail());
        assertTrue(outcome.detail().contains("eu-west-1 " + cluster.url(2)), outcome.detail());
        assertEquals("On", cluster.state(CONTROLS.get("us-east-1")));
    }
}
