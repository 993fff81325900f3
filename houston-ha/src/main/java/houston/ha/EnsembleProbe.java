package houston.ha;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a replica cannot reach its ensemble, in words an operator can act on. Curator's connection
 * state says only that the client is not connected; the cause (a mistyped host, nothing listening,
 * a firewall) is buried in ZooKeeper's client log. So each server of the connect string is
 * resolved and tried once with a plain TCP connect, when the replica is about to page.
 */
final class EnsembleProbe {

    private static final int DEFAULT_PORT = 2181;

    private EnsembleProbe() {
    }

    /** E.g. "zk-1.invalid:2181 unknown host; 127.0.0.1:18999 connection refused". */
    static String describe(String connect, Duration timeout) {
        int chroot = connect.indexOf('/');
        String servers = chroot < 0 ? connect : connect.substring(0, chroot);
        List<String> found = new ArrayList<>();
        for (String server : servers.split(",")) {
            if (!server.isBlank()) {
                found.add(server.trim() + " " + probe(server.trim(), timeout));
            }
        }
        return String.join("; ", found);
    }

    private static String probe(String server, Duration timeout) {
        int colon = server.lastIndexOf(':');
        String host = colon < 0 ? server : server.substring(0, colon);
        int port;
        try {
            port = colon < 0 ? DEFAULT_PORT : Integer.parseInt(server.substring(colon + 1));
        } catch (NumberFormatException e) {
            return "has no port number";
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return "unknown host";
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            return "accepts connections";
        } catch (ConnectException e) {
            return "connection refused";
        } catch (SocketTimeoutException e) {
            return "no answer within " + timeout.toMillis() + " ms";
        } catch (IOException e) {
            return "unreachable (" + e.getMessage() + ")";
        }
    }
}
