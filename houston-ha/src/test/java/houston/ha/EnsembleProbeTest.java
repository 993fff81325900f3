package houston.ha;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnsembleProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void namesAnUnresolvableHostAndAPortNobodyListensOn() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }

        String found = EnsembleProbe.describe("zk-does-not-exist.invalid:2181,127.0.0.1:" + closed + "/houston", TIMEOUT);

        assertEquals("zk-does-not-exist.invalid:2181 unknown host; 127.0.0.1:" + closed + " connection refused", found);
    }

    @Test
    void aListeningServerAccepts() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String found = EnsembleProbe.describe("127.0.0.1:" + s.getLocalPort(), TIMEOUT);

            assertEquals("127.0.0.1:" + s.getLocalPort() + " accepts connections", found);
        }
    }
}
