package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import houston.testkit.Eventually;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lab's visitors on real Vert.x timers, sending to the lab's real locations on loopback. */
// Thirty rounds of real timers and a lab's servers on 2 cores: runs beside at most one other lab, never
// beside JVMs starting or a browser (lab-paced, the parent pom.xml).
@Tag("lab-paced")
class LabUsersIT {

    /**
     * Stopping the lab closes the visitors' HTTP client: a tick in progress on the event loop must not
     * send on it after that (Vert.x reports "Client is closed" with a stack trace on the lab's console).
     * Each round stops the visitors at another point: after their first tick, or after they sent twice that.
     */
    @Test
    void stoppingTheVisitorsMidTickSendsNothingOnTheClosedClient() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<Throwable> unhandled = new CopyOnWriteArrayList<>();
        vertx.exceptionHandler(unhandled::add);
        LabWorld world = LabWorld.start(vertx, HoustonConfigLoader.load(null), location -> 10);
        Topology topology = world.settings().topology();
        TrafficPlan plan = TrafficPlan.identity(topology.ids(), 1);

        for (int round = 0; round < 30; round++) {
            LabUsers users = new LabUsers(vertx, topology, () -> plan, 60);
            users.start();
            long first = Eventually.until("the visitors' first tick", Eventually.DEFAULT, users::sent, n -> n > 0);
            if (round % 2 == 1) {
                Eventually.until("a later tick", Eventually.DEFAULT, users::sent, n -> n >= 2 * first);
            }
            users.stop();
        }
        // Closing Vert.x runs what its event loops still held: a late send on a closed client would be reported.
        world.close();
        // Generous: with the lab's servers and another fork's daemons on 2 cores, closing took more than 10 s in CI.
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertEquals(List.of(), unhandled.stream().map(Throwable::toString).toList());
    }
}
