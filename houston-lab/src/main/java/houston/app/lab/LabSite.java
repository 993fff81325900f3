package houston.app.lab;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One lab location: a small HTTP server on loopback that answers as a hosted site does (the
 * canary page), and misbehaves on command. Over its capacity (instances × requests/s per instance,
 * counted per second, visitors only) it answers 503, as an overloaded location would.
 */
final class LabSite {

    static final String MARKER = "houston-canary";

    private final Vertx vertx;
    private final String id;
    private final IntSupplier capacityRps;
    private final SplittableRandom random = new SplittableRandom();
    private volatile LabFault fault = LabFault.NONE;
    private long second;
    private int servedThisSecond;
    private HttpServer server;

    LabSite(Vertx vertx, String id, IntSupplier capacityRps) {
        this.vertx = vertx;
        this.id = id;
        this.capacityRps = capacityRps;
    }

    int start() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        return server.actualPort();
    }

    void fault(LabFault f) {
        fault = f;
    }

    LabFault fault() {
        return fault;
    }

    private void handle(HttpServerRequest req) {
        LabFault f = fault;
        boolean flapDown = f.kind().equals("flap") && (System.currentTimeMillis() / 10_000) % 2 == 0;
        if (f.kind().equals("outage") || flapDown) {
            req.connection().close();
            return;
        }
        if (f.kind().equals("brownout") && random.nextInt(100) < f.amount()) {
            req.response().setStatusCode(500).end("internal error (lab brownout)");
            return;
        }
        // Probes are not scaled down with the site (at real scale a few requests a second against tens of
        // thousands): only visitors use up its capacity, but an overloaded site answers the canary 503 too.
        String host = req.getHeader("Host");
        if (overCapacity(host == null || !host.startsWith(LabWorld.CANARY_HOST))) {
            req.response().setStatusCode(503).end("over capacity");
            return;
        }
        String page = "<html><body><h1>" + id + "</h1><p>" + MARKER + "</p></body></html>";
        if (f.kind().equals("latency")) {
            vertx.setTimer(f.amount(), t -> req.response().end(page));
        } else {
            req.response().end(page);
        }
    }

    private synchronized boolean overCapacity(boolean visitor) {
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            second = now;
            servedThisSecond = 0;
        }
        if (visitor) {
            servedThisSecond++;
        }
        return servedThisSecond > capacityRps.getAsInt();
    }

    void stop() throws Exception {
        if (server != null) {
            server.close().await(10, TimeUnit.SECONDS);
        }
    }
}
