package houston.probes.http;

import java.util.Objects;

/**
 * One thing to probe: canary site {@code site} as served by location {@code location} at edge
 * {@code address:port}. The request goes to the edge address but carries the site's name as Host
 * header and TLS SNI, which is exactly the path a visitor's request takes.
 *
 * @param location location id
 * @param site     canary site host name (Host header, SNI, certificate name)
 * @param address  edge IP or host name to connect to
 * @param port     edge port
 * @param tls      HTTPS when true
 * @param path     request path, e.g. {@code /healthz}
 * @param check    what makes an answer correct
 */
public record ProbeTarget(String location, String site, String address, int port, boolean tls, String path,
                          ResponseJudge check) {

    public ProbeTarget {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(check, "check");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " (expected: 1..65535)");
        }
        path = path == null || path.isEmpty() ? "/" : path;
    }

    /** A short stable name for logs and metrics: {@code site@address:port}. */
    public String name() {
        return site + "@" + address + ":" + port;
    }
}
