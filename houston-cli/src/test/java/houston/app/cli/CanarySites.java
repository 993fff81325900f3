package houston.app.cli;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Loopback web servers that answer every request with the canary page the daemon's probes look for
 * (marker {@code houston-canary}): the locations a {@link DaemonProcess#config} points at. One fresh
 * set per test, on ephemeral ports, closed after it. A site can be broken: it then answers 503.
 * Register with {@code @RegisterExtension}.
 */
final class CanarySites implements BeforeEachCallback, AfterEachCallback {

    private final int count;
    private final List<HttpServer> servers = new ArrayList<>();
    private final Set<Integer> broken = ConcurrentHashMap.newKeySet();
    private Vertx vertx;

    CanarySites(int count) {
        this.count = count;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        vertx = Vertx.vertx();
        for (int i = 0; i < count; i++) {
            int site = i;
            servers.add(vertx.createHttpServer().requestHandler(r -> {
                if (broken.contains(site)) {
                    r.response().setStatusCode(503).end("down");
                } else {
                    r.response().end("<p>houston-canary</p>");
                }
            }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        servers.clear();
        broken.clear();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** The port of site {@code i} (0-based). */
    int port(int i) {
        return servers.get(i).actualPort();
    }

    /** From now on site {@code i} (0-based) answers every request 503: the location has failed. */
    void breakSite(int i) {
        broken.add(i);
    }

    /** The port of the first site. */
    int port() {
        return port(0);
    }
}
