package houston.app.lab;

import houston.app.config.HoustonSettings;
import houston.app.config.IntegrationSettings;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.model.Location;
import houston.core.model.Topology;
import houston.probes.http.CanarySite;
import houston.probes.http.ResponseJudge;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The world the lab daemon watches: one {@link LabSite} per location on loopback, and the faults
 * an operator injects into sites (outage, brownout, latency, flap) or vantages (partition: every
 * probe from that vantage fails, which must move nothing). Faults are set through
 * {@code POST /lab/faults} ({@code {"target":"us-east-1","fault":"brownout","amount":30}},
 * {@code "target":"vantage:lab-eu-west"} for a vantage, {@code {"target":"dns-api","fault":"down"}}
 * for the DNS API: every call to the lab's zone fails, its answers stay) and listed by {@code GET /lab/faults}.
 */
public final class LabWorld implements AutoCloseable {

    /** Lab sites serve 1/1000 of a location's real capacity; the probes do not count against it (see LabSite). */
    static final int CAPACITY_DIVISOR = 1000;
    /** The canary site the lab's probes ask for (the visitors ask for another host). */
    static final String CANARY_HOST = "canary.lab.houston";

    private final Map<String, LabSite> sites = new LinkedHashMap<>();
    private final Set<String> partitioned = ConcurrentHashMap.newKeySet();
    private volatile int probeLossPercent;
    private volatile Consumer<Boolean> dnsApi = down -> { };
    private volatile boolean dnsApiDown;
    private final HoustonSettings labSettings;

    private LabWorld(HoustonSettings labSettings) {
        this.labSettings = labSettings;
    }

    /** Starts a site per location; {@code instances} says how many each runs now (the lab scaler). */
    public static LabWorld start(Vertx vertx, HoustonSettings settings, ToIntFunction<String> instances) throws Exception {
        Map<String, LabSite> sites = new LinkedHashMap<>();
        List<Location> located = new ArrayList<>();
        for (Location l : settings.topology().locations()) {
            LabSite site = new LabSite(vertx, l.id(),
                    () -> (int) Math.max(1, instances.applyAsInt(l.id()) * l.capacity().rpsPerInstance() / CAPACITY_DIVISOR));
            int port = site.start();
            sites.put(l.id(), site);
            located.add(new Location(l.id(), l.name(), l.position(), List.of("127.0.0.1:" + port), l.peakDemandRps(),
                    l.capacity()));
        }
        Topology topology = Topology.greatCircle(located);
        IntegrationSettings outside = settings.outside();
        IntegrationSettings labOutside = new IntegrationSettings(List.of(new CanarySite(CANARY_HOST, "/", 80,
                false, ResponseJudge.substring(Set.of(200), LabSite.MARKER))), List.of(), outside.api(), outside.agent(),
                outside.signals());
        HoustonSettings lab = new HoustonSettings("lab (" + settings.source() + ")", settings.tick(), settings.probes(),
                settings.engine(), topology, labOutside, settings.dns(), settings.scaler(), settings.slack(),
                settings.daemon(), settings.ha());
        LabWorld world = new LabWorld(lab);
        world.sites.putAll(sites);
        return world;
    }

    /** The settings the lab daemon runs with: the same, but locations served on loopback. */
    public HoustonSettings settings() {
        return labSettings;
    }

    /** Wraps a vantage's sink: a partitioned vantage sees every location fail; probe loss fails some at random. */
    public Consumer<Observation> vantageSink(String vantage, Consumer<Observation> sink) {
        return o -> {
            // Vantages deliver from several event loops: each thread draws from its own generator.
            boolean lost = probeLossPercent > 0
                    && java.util.concurrent.ThreadLocalRandom.current().nextInt(100) < probeLossPercent;
            sink.accept(partitioned.contains(vantage) || lost
                    ? new Observation(o.vantage(), o.location(), o.target(), o.at(), Outcome.CONNECT_ERROR, o.latency()) : o);
        };
    }

    /** Makes this percentage of all probes fail at random, whatever the location (benchmark noise). */
    public void probeLoss(int percent) {
        this.probeLossPercent = percent;
    }

    /** What takes the DNS API down (true) and brings it back (false): the lab's zone. */
    void onDnsApi(Consumer<Boolean> down) {
        this.dnsApi = down;
    }

    /** Applies a fault; throws IllegalArgumentException naming what is wrong. */
    public void fault(String typed, LabFault fault) {
        String target = canonical(typed);
        boolean apiFault = fault.kind().equals("down") || fault.kind().equals("up");
        if (!target.equals("dns-api") && !target.startsWith("vantage:") && !sites.containsKey(target)) {
            // Named before the fault's kind: "scaler down" is a target the lab does not have, not a DNS API fault.
            throw new UnknownTarget(target, List.copyOf(sites.keySet()));
        }
        if (target.equals("dns-api") && fault.kind().equals("none")) {
            // clear mends whatever it names (a location, a vantage, a controller): for the DNS API that is up.
            fault = new LabFault("up", 0);
            apiFault = true;
        }
        if (target.equals("dns-api") != apiFault) {
            throw new IllegalArgumentException(apiFault ? fault.kind() + " is a DNS API fault: fault dns-api " + fault.kind()
                    : "the DNS API takes down, up or clear, not " + fault.kind());
        }
        if (apiFault) {
            dnsApiDown = fault.kind().equals("down");
            dnsApi.accept(dnsApiDown);
            return;
        }
        if (target.startsWith("vantage:")) {
            String vantage = target.substring("vantage:".length());
            if (!labSettings.engine().health().vantages().contains(vantage)) {
                throw new IllegalArgumentException("unknown vantage " + LabFault.quoted(vantage) + " (known: "
                        + labSettings.engine().health().vantages() + ")");
            }
            if (fault.kind().equals("partition")) {
                partitioned.add(vantage);
            } else if (fault.kind().equals("none")) {
                partitioned.remove(vantage);
            } else {
                throw new IllegalArgumentException("a vantage takes partition or clear, not " + fault.kind());
            }
            return;
        }
        LabSite site = sites.get(target);
        if (site == null) {
            throw new UnknownTarget(target, List.copyOf(sites.keySet()));
        }
        if (fault.kind().equals("partition")) {
            throw new IllegalArgumentException("partition is a vantage fault: fault vantage NAME partition");
        }
        site.fault(fault);
    }

    /**
     * The target as the lab names it: {@code US-EAST-1} is us-east-1 and {@code VANTAGE:LAB-EU-WEST} is
     * vantage:lab-eu-west, as fault names are read whatever their case; a name nothing matches is kept
     * as typed, for the error to quote.
     */
    private String canonical(String target) {
        if (target.equalsIgnoreCase("dns-api")) {
            return "dns-api";
        }
        String vantage = "vantage:";
        if (target.regionMatches(true, 0, vantage, 0, vantage.length())) {
            String name = target.substring(vantage.length());
            return vantage + labSettings.engine().health().vantages().stream().filter(name::equalsIgnoreCase)
                    .findFirst().orElse(name);
        }
        return sites.keySet().stream().filter(target::equalsIgnoreCase).findFirst().orElse(target);
    }

    public JsonObject faults() {
        JsonObject out = new JsonObject();
        sites.forEach((id, site) -> {
            if (!site.fault().kind().equals("none")) {
                out.put(id, site.fault().toString());
            }
        });
        partitioned.forEach(v -> out.put("vantage:" + v, "partition"));
        if (dnsApiDown) {
            out.put("dns-api", "down");
        }
        return out;
    }

    public void mount(Router router) {
        router.get("/lab/faults").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(faults().encodePrettily()));
        // A route of its own: Vert.x takes no handler before a route's BodyHandler.
        router.post("/lab/faults").handler(LabBodyDeadline::arm);
        router.post("/lab/faults").handler(BodyHandler.create(false).setBodyLimit(LabBodyDeadline.MAX_BYTES))
                .handler(LabWriteGuard::sameOriginJsonOnly)
                .handler(ctx -> {
            try {
                LabFaultBody body = LabFaultBody.parse(ctx.body().asString());
                fault(body.target(), body.fault());
                ctx.response().putHeader("Content-Type", "application/json").end(faults().encodePrettily());
            } catch (UnknownTarget e) {
                // The known locations as data too: the CLI names the target in its own words (vantage NAME).
                ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("error", e.getMessage()).put("knownLocations", new io.vertx.core.json.JsonArray(e.known))
                        .encode());
            } catch (IllegalArgumentException e) {
                refuse(ctx, 400, e.getMessage());
            }
        });
    }

    /** A fault's target that is not a location, a vantage or the DNS API. */
    static final class UnknownTarget extends IllegalArgumentException {

        final List<String> known;

        UnknownTarget(String target, List<String> known) {
            super("unknown target " + LabFault.quoted(target) + " (expected: a location, vantage:NAME or dns-api; "
                    + "known locations: " + known + ")");
            this.known = known;
        }
    }

    static void refuse(RoutingContext ctx, int status, String error) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).encode());
    }

    @Override
    public void close() throws Exception {
        for (LabSite s : sites.values()) {
            s.stop();
        }
    }
}
