package houston.app.daemon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection guard on a real server: one client address cannot take every connection. */
class HttpConnectionGuardIT {

    private Vertx vertx;
    private HttpServer server;
    private SimpleMeterRegistry registry;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        serve(Duration.ofSeconds(30), request -> request.response().end("ok"));
    }

    private void serve(Duration idleTimeout, io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler)
            throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> handler.handle(ctx.request()));
        serve(idleTimeout, router);
    }

    private void serve(Duration idleTimeout, Router router) throws Exception {
        serve(idleTimeout, router, idleTimeout);
    }

    /** With Vert.x's own idle timeout at {@code vertxIdle}, apart from the guard's. */
    private void serve(Duration idleTimeout, Router router, Duration vertxIdle) throws Exception {
        if (server != null) {
            server.close().await(10, TimeUnit.SECONDS);
        }
        registry = new SimpleMeterRegistry();
        HttpConnectionGuard guard = new HttpConnectionGuard(vertx, 32, 8, Duration.ofSeconds(30), idleTimeout, registry);
        server = guard.install(vertx.createHttpServer(guard.options().setIdleTimeout((int) vertxIdle.toMillis())), router)
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private Socket connectFrom(String local) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()), 5_000);
        socket.setSoTimeout(5_000);
        sockets.add(socket);
        return socket;
    }

    private static String get(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[256];
        int n = in.read(buffer);
        return n < 0 ? "closed" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }

    @Test
    void oneClientHoldingItsShareOfIdleConnectionsLeavesRoomForEveryoneElse() throws Exception {
        for (int i = 0; i < 8; i++) {
            connectFrom("127.0.0.2");
        }

        String ninthFromTheFlooder = get(connectFrom("127.0.0.2"));
        String anotherClient = get(connectFrom("127.0.0.1"));

        assertEquals("closed", ninthFromTheFlooder);
        assertTrue(anotherClient.startsWith("HTTP/1.1 200"), anotherClient);
    }

    @Test
    void aBodyTricklingInFasterThanTheIdleTimeoutIsRefusedOnceItHasHadTheIdleTimeoutWhole() throws Exception {
        // The handler waits for the whole body, as the API's routes do.
        serve(Duration.ofSeconds(2), request -> request.body().onSuccess(b -> request.response().end("ok")));
        Socket socket = connectFrom("127.0.0.1");

        // One byte every 300 ms: never silent for the 2 s idle timeout, never done either.
        String answer = trickle(socket, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n", Duration.ofSeconds(8));

        assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
        assertTrue(answer.contains("body not complete within 2 s"), answer);
    }

    @Test
    void aKeepAliveClientTricklingItsNextHeadersAfterARouteWithItsOwnEndHandlerIsClosed() throws Exception {
        // Routes that clean up after their answer (the intake's in-flight bytes, the lab's body deadline)
        // register end handlers with vertx-web, which takes the response's own end handler for them.
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.addEndHandler(done -> { });
            ctx.response().end("ok");
        });
        // Vert.x's idle timeout, which would also close a connection whose headers never complete, out of the way.
        serve(Duration.ofSeconds(1), router, Duration.ofSeconds(30));
        Socket socket = connectFrom("127.0.0.1");
        String first = get(socket);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                HttpConnectionGuard.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);

        // The next request's headers, a byte every 300 ms, never done: the guard's 1 s deadline closes it.
        String afterTrickle;
        try {
            afterTrickle = trickle(socket, "GET / HTTP/1.1\r\nX-Slow: ", Duration.ofSeconds(6));
            Thread.sleep(200); // the codec's closing report, if any, comes after the close
        } finally {
            logger.detachAppender(lines);
        }

        assertTrue(first.startsWith("HTTP/1.1 200"), first);
        assertTrue(afterTrickle.startsWith("closed"), afterTrickle);
        assertEquals(1.0, registry.get("houston.http.connections.timed.out").counter().count(), "closed by the guard");
        // Timed out, not malformed: nothing at WARN names an earlier, answered request.
        assertEquals(List.of(), lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void aRoutesOwnStricterBodyDeadlineIsCountedAsTheGuardsAre() throws Exception {
        // As the lab's write routes do: a 1 s deadline of their own, under the guard's 30 s one.
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            GuardedHttp.bodyDeadline(vertx, ctx.request(), Duration.ofSeconds(1), "");
            ctx.request().body().onSuccess(b -> ctx.response().end("ok"));
        });
        serve(Duration.ofSeconds(30), router);
        Socket socket = connectFrom("127.0.0.1");

        String answer = trickle(socket, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n", Duration.ofSeconds(6));

        assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
        assertEquals(1.0, registry.get("houston.http.connections.timed.out").counter().count(), "counted");
    }

    @Test
    void aTransferEncodingOtherThanChunkedIsRefused() throws Exception {
        // The codec would read "gzip, chunked" as plain chunked, and a proxy in front might not.
        Socket socket = connectFrom("127.0.0.1");
        socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("Transfer-Encoding gzip, chunked (expected: chunked)"), answer);
    }

    /** Writes {@code head}, then a byte every 300 ms until the server answers or closes, or {@code within} passes. */
    private static String trickle(Socket socket, String head, Duration within) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                out.write('a');
                out.flush();
                socket.setSoTimeout(300);
                try {
                    byte[] buffer = new byte[512];
                    int n = in.read(buffer);
                    return n < 0 ? "closed" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing yet: trickle on
                }
            }
        } catch (IOException closedUnderUs) {
            return "closed: " + closedUnderUs;
        }
        return "still open after " + within;
    }
}
