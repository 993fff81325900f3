package houston.probes.http;

import houston.core.model.Location;
import houston.core.model.Topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A canary site every location serves, probed at each of the location's edges.
 *
 * @param host  the site's name: Host header, SNI, certificate name
 * @param path  request path
 * @param port  port used when an edge address gives none
 * @param tls   HTTPS when true
 * @param check what makes an answer correct
 */
public record CanarySite(String host, String path, int port, boolean tls, ResponseJudge check) {

    /**
     * One target per (location, edge, site). An edge is {@code address} or {@code address:port};
     * IPv6 addresses with a port go in brackets, {@code [2001:db8::1]:8443}.
     */
    public static List<ProbeTarget> targets(Topology topology, List<CanarySite> sites) {
        List<ProbeTarget> targets = new ArrayList<>();
        for (Location location : topology.locations()) {
            for (String edge : location.edges()) {
                for (CanarySite site : sites) {
                    targets.add(target(location.id(), edge, site));
                }
            }
        }
        return targets;
    }

    static ProbeTarget target(String location, String edge, CanarySite site) {
        String address = edge;
        int port = site.port();
        if (edge.startsWith("[")) {
            int close = edge.indexOf(']');
            address = edge.substring(1, close);
            if (edge.length() > close + 2 && edge.charAt(close + 1) == ':') {
                port = Integer.parseInt(edge.substring(close + 2));
            }
        } else if (edge.indexOf(':') > 0 && edge.indexOf(':') == edge.lastIndexOf(':')) {
            address = edge.substring(0, edge.indexOf(':'));
            port = Integer.parseInt(edge.substring(edge.indexOf(':') + 1));
        }
        return new ProbeTarget(location, site.host(), address, port, site.tls(), site.path(), site.check());
    }
}
