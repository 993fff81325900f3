package houston.app.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that hold a server's descriptors: idle ones that never send a byte, and slow-header
 * ones that send half a request and then a header line now and then, never finishing. Counts how
 * many the server has closed (end of stream or reset) and how many it refused outright.
 */
public final class ConnectionFlood implements AutoCloseable {

    private final List<SocketChannel> open = new ArrayList<>();
    private final Selector selector;
    private final InetSocketAddress from;
    private int refused;
    private int closedByServer;

    public ConnectionFlood() throws IOException {
        this("127.0.0.1");
    }

    /**
     * A flood whose connections come from {@code fromAddress}, a loopback address of its own (any of
     * 127.0.0.0/8 on Linux), so a test can tell the flooding client from the others.
     */
    public ConnectionFlood(String fromAddress) throws IOException {
        this.selector = Selector.open();
        this.from = new InetSocketAddress(fromAddress, 0);
    }

    /** Opens {@code idle} idle and {@code slow} slow-header connections to {@code port} on loopback. */
    public void open(int port, int idle, int slow) throws IOException {
        for (int i = 0; i < idle + slow; i++) {
            SocketChannel c;
            try {
                c = SocketChannel.open().bind(from);
                c.connect(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                refused++;
                continue;
            }
            if (i >= idle) {
                c.write(ByteBuffer.wrap("GET /v1/status HTTP/1.1\r\nHost: flood\r\n".getBytes(StandardCharsets.US_ASCII)));
            }
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ, i >= idle);
            open.add(c);
        }
    }

    /**
     * For {@code duration}: drips one header line into every slow connection each second and notes every
     * connection the server closes. Returns the connections still open.
     */
    public int hold(Duration duration) throws IOException {
        long end = System.nanoTime() + duration.toNanos();
        long nextDrip = System.nanoTime();
        ByteBuffer scratch = ByteBuffer.allocate(4096);
        while (System.nanoTime() < end && !open.isEmpty()) {
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel c = (SocketChannel) key.channel();
                scratch.clear();
                int n;
                try {
                    n = c.read(scratch);
                } catch (IOException reset) {
                    n = -1;
                }
                if (n < 0) {
                    drop(key);
                }
            }
            selector.selectedKeys().clear();
            if (System.nanoTime() >= nextDrip) {
                nextDrip = System.nanoTime() + 1_000_000_000L;
                for (SelectionKey key : List.copyOf(selector.keys())) {
                    if (Boolean.TRUE.equals(key.attachment())) {
                        try {
                            ((SocketChannel) key.channel()).write(ByteBuffer.wrap("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII)));
                        } catch (IOException reset) {
                            drop(key);
                        }
                    }
                }
            }
        }
        return open.size();
    }

    private void drop(SelectionKey key) throws IOException {
        key.cancel();
        key.channel().close();
        open.remove((SocketChannel) key.channel());
        closedByServer++;
    }

    /** Connections that could not even be opened. */
    public int refused() {
        return refused;
    }

    /** Connections the server closed after accepting them. */
    public int closedByServer() {
        return closedByServer;
    }

    public int stillOpen() {
        return open.size();
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel c : open) {
            c.close();
        }
        open.clear();
        selector.close();
    }
}
