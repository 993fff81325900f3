package houston.app.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Canary servers for the probe benchmark, run in their own JVM so the prober's CPU time counts
 * probing only. Listens on {@code args[0]} ports on 127.0.0.1, prints {@code PORTS p1,p2,…} and
 * serves until its standard input closes (the benchmark closing it, or dying).
 */
public final class BenchTargets {

    static final String MARKER = "houston-canary";

    private BenchTargets() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Buffer page = Buffer.buffer("<html><body>" + MARKER + "</body></html>");
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpServer server = vertx.createHttpServer().requestHandler(r -> r.response().end(page))
                    .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
            ports.add(String.valueOf(server.actualPort()));
        }
        System.out.println("PORTS " + String.join(",", ports));
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // Serve until the benchmark closes our standard input.
            }
        } catch (IOException ignored) {
            // Parent gone: stop.
        }
        vertx.close().await(10, TimeUnit.SECONDS);
        System.exit(0);
    }
}
