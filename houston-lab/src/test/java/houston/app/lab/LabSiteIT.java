package houston.app.lab;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lab site serves 1/1000 of its location's capacity, but the probes are not scaled down: six
 * canary requests a second from three vantages at 500 ms would be a quarter of a small site's 25
 * requests/s, which at real scale they are not. Only visitors count against the capacity.
 */
class LabSiteIT {

    private Vertx vertx;
    private HttpClient client;
    private LabSite site;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient();
        site = new LabSite(vertx, "lab-site", () -> 1);
        port = site.start();
    }

    @AfterEach
    void stop() throws Exception {
        site.stop();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private int get(String host) throws Exception {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                        .setURI("/").putHeader("Host", host).setTimeout(5000))
                .compose(req -> req.send().compose(res -> res.body().map(b -> res.statusCode())))
                .await(10, TimeUnit.SECONDS);
    }

    @Test
    void canaryProbesDoNotUseUpTheSitesCapacity() throws Exception {
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 12; i++) {
            statuses.add(get(LabWorld.CANARY_HOST));
        }

        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200), statuses);
    }

    @Test
    void visitorsPastTheCapacityAreAnswered503() throws Exception {
        List<Integer> statuses = new ArrayList<>();

        for (int i = 0; i < 12; i++) {
            statuses.add(get("www.lab.houston"));
        }

        assertTrue(statuses.contains(503), statuses.toString());
    }
}
