package houston.probes.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PfxOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Misbehaving servers on loopback, one port each, started and stopped by the test: they answer
 * well, badly, late, by the drip, with a gigabyte, by resetting, or never.
 */
public final class FaultServers implements AutoCloseable {

    public static final String MARKER = "houston-canary-ok";
    static final long GIGABYTE = 1L << 30;

    final Vertx vertx;
    private final List<HttpServer> httpServers = new ArrayList<>();
    private final List<NetServer> netServers = new ArrayList<>();
    volatile long hugeBytesSent;

    public FaultServers(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Plain HTTP with one behaviour per path: /ok /nomarker /500 /503 /late /drip /huge. */
    public int http() throws Exception {
        return listen(new HttpServerOptions());
    }

    /** HTTPS with the certificate in {@code keyStore}, otherwise the same paths. */
    int https(Path keyStore) throws Exception {
        return listen(new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(TestCertificates.PASSWORD)));
    }

    private int listen(HttpServerOptions options) throws Exception {
        HttpServer server = vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0)).requestHandler(req -> {
            HttpServerResponse res = req.response();
            switch (req.path()) {
                case "/ok" -> res.end("<html><body>" + MARKER + "</body></html>");
                case "/nomarker" -> res.end("<html><body>This domain is parked</body></html>");
                case "/500" -> res.setStatusCode(500).end("oops");
                case "/503" -> res.setStatusCode(503).end("over capacity");
                case "/late" -> vertx.setTimer(3000, id -> res.end(MARKER));
                case "/drip" -> drip(res);
                case "/huge" -> huge(res);
                default -> res.setStatusCode(404).end();
            }
        }).listen().await(10, TimeUnit.SECONDS);
        httpServers.add(server);
        return server.actualPort();
    }

    private void drip(HttpServerResponse res) {
        res.setChunked(true);
        long id = vertx.setPeriodic(1000, t -> res.write("x"));
        res.closeHandler(v -> vertx.cancelTimer(id));
    }

    private void huge(HttpServerResponse res) {
        res.setChunked(true);
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (!res.writeQueueFull() && !res.closed() && hugeBytesSent < GIGABYTE) {
                res.write(chunk);
                hugeBytesSent += chunk.length();
            }
            if (hugeBytesSent >= GIGABYTE) {
                res.end();
            } else if (!res.closed()) {
                res.drainHandler(v -> pump[0].run());
            }
        };
        pump[0].run();
    }

    /** Accepts connections and resets them (SO_LINGER 0) as soon as a request arrives. */
    int resetting() throws Exception {
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0).setSoLinger(0))
                .connectHandler(socket -> socket.handler(data -> socket.close()));
        return listenNet(server);
    }

    /** Accepts connections and never answers. */
    public int silent() throws Exception {
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0))
                .connectHandler(socket -> socket.handler(data -> { }));
        return listenNet(server);
    }

    private int listenNet(NetServer server) throws Exception {
        server.listen().await(10, TimeUnit.SECONDS);
        netServers.add(server);
        return server.actualPort();
    }

    @Override
    public void close() throws Exception {
        for (HttpServer s : httpServers) {
            s.close().await(10, TimeUnit.SECONDS);
        }
        for (NetServer s : netServers) {
            s.close().await(10, TimeUnit.SECONDS);
        }
    }
}
