package houston.dns.route53;

import houston.dns.records.Change;
import houston.dns.records.RecordSet;
import houston.dns.zone.InMemoryZone;
import houston.dns.zone.ZoneException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful Route 53 on loopback that speaks the real REST/XML API to the real AWS SDK client:
 * ChangeResourceRecordSets (rules enforced by {@link InMemoryZone}: CREATE fails if the set
 * exists, DELETE needs the exact value, all or nothing, weights 0..255), GetChange (PENDING, then
 * INSYNC after the zone's propagation delay), ListResourceRecordSets (paginated, small pages),
 * and errors in Route 53's {@code ErrorResponse} shape. Faults are queued on the zone. Health
 * checks: CreateHealthCheck (idempotent per CallerReference, as Route 53 is: the same reference
 * and settings return the existing check, other settings are refused) and ListHealthChecks; records
 * carry a HealthCheckId. {@link Route53HealthChecks} runs them. GetHostedZone (the control-plane
 * watch's read) fails while the zone's control plane is down and can be made slow.
 */
public final class Route53StandIn implements AutoCloseable {

    static final String NS = "https://route53.amazonaws.com/doc/2013-04-01/";
    public static final String ZONE_ID = "Z0HOUSTONTEST";
    static final int PAGE = 40;

    public final InMemoryZone zone;
    final AtomicInteger changeCalls = new AtomicInteger();
    final AtomicInteger listPages = new AtomicInteger();
    final AtomicInteger healthCheckCreates = new AtomicInteger();
    /** Health checks by id, in creation order. */
    final Map<String, HealthCheck> healthChecks = new ConcurrentHashMap<>();
    private volatile boolean controlPlaneDown;
    final AtomicInteger hostedZoneReads = new AtomicInteger();
    /** How long GetHostedZone takes to answer (0: at once): a hung control plane. */
    volatile long readDelayMs;
    private final Vertx vertx;
    private final HttpServer server;

    public Route53StandIn(Vertx vertx, InMemoryZone zone) throws Exception {
        this.vertx = vertx;
        this.zone = zone;
        this.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            try {
                route(req, body.getBytes());
            } catch (ZoneException e) {
                error(req, e);
            } catch (Exception e) {
                reply(req, 400, errorXml("InvalidInput", String.valueOf(e.getMessage())));
            }
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    /** While down, every ChangeResourceRecordSets answers 503 (reads and GetChange still work), as in an API outage. */
    public void controlPlaneDown(boolean down) {
        this.controlPlaneDown = down;
    }

    /** A health check as stored: its CallerReference and its HealthCheckConfig elements by name. */
    record HealthCheck(String id, String reference, Map<String, String> config) {

        String get(String element) {
            return config.get(element);
        }
    }

    /**
     * Adds a RECOVERY_CONTROL health check on {@code routingControlArn}, as a user sets up the arc
     * fallback once in the console; returns its id.
     */
    public String recoveryControlCheck(String routingControlArn) {
        String id = nextHealthCheckId();
        healthChecks.put(id, new HealthCheck(id, "console " + id, Map.of("Type", "RECOVERY_CONTROL",
                "RoutingControlArn", routingControlArn)));
        return id;
    }

    /** Route 53 health check ids are UUIDs; these count up. */
    private String nextHealthCheckId() {
        return String.format("%08d-0000-4000-8000-000000000000", healthChecks.size() + 1);
    }

    public int port() {
        return server.actualPort();
    }

    private void route(HttpServerRequest req, byte[] body) throws Exception {
        String path = req.path().replaceAll("/$", "");
        if (controlPlaneDown && req.method().name().equals("POST")) {
            reply(req, 503, errorXml("ServiceUnavailable", "the Route 53 API is unavailable (stand-in outage)"));
        } else if (req.method().name().equals("POST") && path.equals("/2013-04-01/hostedzone/" + ZONE_ID + "/rrset")) {
            changeCalls.incrementAndGet();
            String id = zone.submit(parseChanges(body), "");
            reply(req, 200, "<ChangeResourceRecordSetsResponse xmlns=\"" + NS + "\">" + changeInfo(id, false)
                    + "</ChangeResourceRecordSetsResponse>");
        } else if (req.method().name().equals("GET") && path.equals("/2013-04-01/hostedzone/" + ZONE_ID + "/rrset")) {
            listPages.incrementAndGet();
            reply(req, 200, list(req));
        } else if (req.method().name().equals("POST") && path.equals("/2013-04-01/healthcheck")) {
            createHealthCheck(req, body);
        } else if (req.method().name().equals("GET") && path.equals("/2013-04-01/healthcheck")) {
            StringBuilder xml = new StringBuilder("<ListHealthChecksResponse xmlns=\"" + NS + "\"><HealthChecks>");
            healthChecks.values().stream().sorted(java.util.Comparator.comparing(HealthCheck::id))
                    .forEach(h -> xml.append(healthCheckXml(h)));
            reply(req, 200, xml.append("</HealthChecks><Marker></Marker><IsTruncated>false</IsTruncated>"
                    + "<MaxItems>100</MaxItems></ListHealthChecksResponse>").toString());
        } else if (req.method().name().equals("GET") && path.startsWith("/2013-04-01/change/")) {
            String id = path.substring("/2013-04-01/change/".length());
            reply(req, 200, "<GetChangeResponse xmlns=\"" + NS + "\">" + changeInfo(id, zone.insync(id)) + "</GetChangeResponse>");
        } else if (req.method().name().equals("GET") && path.equals("/2013-04-01/hostedzone/" + ZONE_ID)) {
            hostedZoneReads.incrementAndGet();
            zone.readControlPlane();
            String xml = "<GetHostedZoneResponse xmlns=\"" + NS + "\"><HostedZone><Id>/hostedzone/" + ZONE_ID + "</Id>"
                    + "<Name>example.net.</Name><CallerReference>houston-standin</CallerReference>"
                    + "<ResourceRecordSetCount>" + zone.list().size() + "</ResourceRecordSetCount></HostedZone>"
                    + "</GetHostedZoneResponse>";
            if (readDelayMs > 0) {
                vertx.setTimer(readDelayMs, t -> reply(req, 200, xml));
            } else {
                reply(req, 200, xml);
            }
        } else {
            reply(req, 404, errorXml("NoSuchHostedZone", "No hosted zone found for " + path));
        }
    }

    private void createHealthCheck(HttpServerRequest req, byte[] body) throws Exception {
        Element root = parse(body).getDocumentElement();
        String reference = text(root, "CallerReference");
        Map<String, String> config = new java.util.TreeMap<>();
        for (Node n = child(root, "HealthCheckConfig").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                config.put(e.getLocalName(), e.getTextContent());
            }
        }
        HealthCheck existing = healthChecks.values().stream().filter(h -> h.reference().equals(reference))
                .findFirst().orElse(null);
        if (existing != null && !existing.config().equals(config)) {
            reply(req, 409, errorXml("HealthCheckAlreadyExists", "a health check with CallerReference " + reference
                    + " exists with other settings"));
            return;
        }
        HealthCheck check = existing;
        if (check == null) {
            healthCheckCreates.incrementAndGet();
            String id = nextHealthCheckId();
            check = new HealthCheck(id, reference, Map.copyOf(config));
            healthChecks.put(id, check);
        }
        req.response().putHeader("Location", "https://route53.amazonaws.com/2013-04-01/healthcheck/" + check.id());
        reply(req, 201, "<CreateHealthCheckResponse xmlns=\"" + NS + "\">" + healthCheckXml(check)
                + "</CreateHealthCheckResponse>");
    }

    private static String healthCheckXml(HealthCheck h) {
        StringBuilder xml = new StringBuilder("<HealthCheck><Id>").append(h.id()).append("</Id><CallerReference>")
                .append(esc(h.reference())).append("</CallerReference><HealthCheckConfig>");
        h.config().forEach((k, v) -> xml.append('<').append(k).append('>').append(esc(v)).append("</").append(k).append('>'));
        return xml.append("</HealthCheckConfig><HealthCheckVersion>1</HealthCheckVersion></HealthCheck>").toString();
    }

    private static String changeInfo(String id, boolean insync) {
        return "<ChangeInfo><Id>/change/" + id + "</Id><Status>" + (insync ? "INSYNC" : "PENDING") + "</Status>"
                + "<SubmittedAt>" + Instant.now() + "</SubmittedAt></ChangeInfo>";
    }

    private String list(HttpServerRequest req) {
        List<RecordSet> all = zone.list();
        int max = Math.min(PAGE, req.getParam("maxitems") == null ? PAGE : Integer.parseInt(req.getParam("maxitems")));
        int start = 0;
        if (req.getParam("name") != null) {
            String key = new RecordSet(req.getParam("name"), req.getParam("type") == null ? "A" : req.getParam("type"),
                    req.getParam("identifier"), null, 0, List.of()).key();
            while (start < all.size() && all.get(start).key().compareTo(key) < 0) {
                start++;
            }
        }
        StringBuilder xml = new StringBuilder("<ListResourceRecordSetsResponse xmlns=\"" + NS + "\"><ResourceRecordSets>");
        int end = Math.min(all.size(), start + max);
        for (RecordSet r : all.subList(start, end)) {
            xml.append("<ResourceRecordSet><Name>").append(esc(r.name())).append("</Name><Type>").append(r.type()).append("</Type>");
            if (r.setIdentifier() != null) {
                xml.append("<SetIdentifier>").append(esc(r.setIdentifier())).append("</SetIdentifier><Weight>")
                        .append(r.weight()).append("</Weight>");
            }
            xml.append("<TTL>").append(r.ttl()).append("</TTL><ResourceRecords>");
            r.values().forEach(v -> xml.append("<ResourceRecord><Value>").append(esc(v)).append("</Value></ResourceRecord>"));
            xml.append("</ResourceRecords>");
            if (r.healthCheckId() != null) {
                xml.append("<HealthCheckId>").append(esc(r.healthCheckId())).append("</HealthCheckId>");
            }
            xml.append("</ResourceRecordSet>");
        }
        xml.append("</ResourceRecordSets><IsTruncated>").append(end < all.size()).append("</IsTruncated>");
        if (end < all.size()) {
            RecordSet next = all.get(end);
            xml.append("<NextRecordName>").append(esc(next.name())).append("</NextRecordName><NextRecordType>")
                    .append(next.type()).append("</NextRecordType>");
            if (next.setIdentifier() != null) {
                xml.append("<NextRecordIdentifier>").append(esc(next.setIdentifier())).append("</NextRecordIdentifier>");
            }
        }
        return xml.append("<MaxItems>").append(max).append("</MaxItems></ListResourceRecordSetsResponse>").toString();
    }

    private static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<Change> parseChanges(byte[] body) throws Exception {
        Document doc = parse(body);
        List<Change> changes = new ArrayList<>();
        NodeList list = doc.getElementsByTagNameNS(NS, "Change");
        for (int i = 0; i < list.getLength(); i++) {
            Element c = (Element) list.item(i);
            Element set = child(c, "ResourceRecordSet");
            List<String> values = new ArrayList<>();
            NodeList v = set.getElementsByTagNameNS(NS, "Value");
            for (int k = 0; k < v.getLength(); k++) {
                values.add(v.item(k).getTextContent());
            }
            String weight = text(set, "Weight");
            long parsedWeight = weight == null ? 0 : Long.parseLong(weight);
            if (weight != null && (parsedWeight < 0 || parsedWeight > 255)) {
                throw new ZoneException(ZoneException.Kind.INVALID_CHANGE_BATCH, "Weight " + weight + " is out of range 0..255");
            }
            changes.add(new Change(Change.Action.valueOf(text(c, "Action")), new RecordSet(text(set, "Name"),
                    text(set, "Type"), text(set, "SetIdentifier"), weight == null ? null : parsedWeight,
                    Long.parseLong(text(set, "TTL")), values, text(set, "HealthCheckId"))));
        }
        return changes;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private void error(HttpServerRequest req, ZoneException e) {
        switch (e.kind()) {
            case THROTTLED -> reply(req, 400, errorXml(e.getMessage().startsWith("PriorRequestNotComplete")
                    ? "PriorRequestNotComplete" : "Throttling", e.getMessage()));
            case SERVER_ERROR -> reply(req, 503, errorXml("ServiceUnavailable", e.getMessage()));
            case INVALID_CHANGE_BATCH -> reply(req, 400, errorXml("InvalidChangeBatch", e.getMessage()));
            default -> reply(req, 400, errorXml("InvalidInput", e.getMessage()));
        }
    }

    private static String errorXml(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + esc(message) + "</Message></Error><RequestId>houston-standin</RequestId></ErrorResponse>";
    }

    private static void reply(HttpServerRequest req, int status, String xml) {
        req.response().setStatusCode(status).putHeader("Content-Type", "text/xml").end(xml);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
    }
}
