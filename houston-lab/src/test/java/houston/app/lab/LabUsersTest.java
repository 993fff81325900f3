package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LabUsersTest {

    /**
     * Stopping the lab closes the visitors' HTTP client: a tick in progress on the event loop must not
     * send on it after that (Vert.x reports "Client is closed" with a stack trace on the lab's console).
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
            Thread.sleep(100 + round % 7 * 13);
            users.stop();
        }
        Thread.sleep(300);
        world.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(List.of(), unhandled.stream().map(Throwable::toString).toList());
    }
}
