package houston.app.daemon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
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
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        HttpConnectionGuard guard = new HttpConnectionGuard(vertx, 32, 8, Duration.ofSeconds(30), Duration.ofSeconds(30),
                new SimpleMeterRegistry());
        server = guard.install(vertx.createHttpServer(guard.options()), request -> request.response().end("ok"))
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
}
