package houston.app.daemon;

import houston.core.engine.Decision;
import houston.core.engine.EngineState;
import houston.core.engine.LocationTrack;
import houston.core.model.Topology;
import houston.core.model.TrafficPlan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** The loop's state as the JSON the API serves and the text Slack's status/explain/weights answer with. */
final class StatusView {

    /**
     * What a follower's status and plan say about themselves. Its engine steps the same evidence as the
     * leader's, but only the leader publishes: its plan was never published, and its live generation is
     * where it started (its own publishes are refused), so shown as the leader's would be they contradict
     * DNS. The leader's own status and plan are what DNS holds.
     */
    static final String FOLLOWER_VIEW = "this replica follows: its plan and states are what its own engine would do, "
            + "never published, and it does not know the live generation; the leader's /v1/status and /v1/plan are "
            + "what DNS holds";

    private final ControlLoop loop;
    private final BooleanSupplier following;

    /** A single daemon's view: it publishes its own plan. */
    StatusView(ControlLoop loop) {
        this(loop, () -> false);
    }

    /** A replica's view; {@code following} is true while it does not lead. */
    StatusView(ControlLoop loop, BooleanSupplier following) {
        this.loop = loop;
        this.following = following;
    }

    JsonObject status() {
        EngineState s = loop.state();
        Topology t = loop.engine().topology();
        JsonObject counts = new JsonObject();
        for (LocationTrack track : s.tracks()) {
            String state = track.state().name().toLowerCase(Locale.ROOT);
            counts.put(state, counts.getInteger(state, 0) + 1);
        }
        Instant at = loop.lastTickAt();
        return viewed(new JsonObject()).put("tick", s.tick()).put("at", at == null ? null : at.toString()).put("failStatic", s.failStatic())
                .put("frozenUntil", s.overrides().frozenUntil() == 0 ? null : Instant.ofEpochMilli(s.overrides().frozenUntil()).toString())
                .put("pins", pins(s.overrides()))
                .put("planGeneration", s.plan().generation()).put("liveGeneration", liveGeneration(s))
                .put("locations", t.size()).put("states", counts).put("suspectVantages", new JsonArray(s.report().suspectVoterNames()))
                .put("observationsDropped", loop.dropped())
                .put("fallback", fallback(s, loop.engine().config().dnsFallback().mode().key(), following.getAsBoolean()))
                .put("dns", loop.dns() instanceof DnsStartGate gate ? gate.status() : new JsonObject().put("read", true));
    }

    JsonArray locations() {
        EngineState s = loop.state();
        Topology t = loop.engine().topology();
        JsonArray out = new JsonArray();
        for (int l = 0; l < t.size(); l++) {
            LocationTrack track = s.track(l);
            var health = s.report().location(l);
            out.add(new JsonObject().put("id", t.location(l).id()).put("name", t.location(l).name())
                    .put("state", track.state().name().toLowerCase(Locale.ROOT))
                    .put("score", Double.isNaN(health.score()) ? null : health.score())
                    .put("since", Instant.ofEpochMilli(track.since()).toString()).put("incident", track.incident())
                    .put("byVoter", new JsonObject(new java.util.LinkedHashMap<>(health.byVoter())))
                    .put("agreeing", new JsonArray(health.agreeing())).put("homeFraction", s.plan().fraction(l, l))
                    .put("liveHomeFraction", liveHomeFraction(s, l))
                    .put("heldFor", new JsonArray(new java.util.ArrayList<>(track.heldReasons())))
                    .put("heldOutByDataPlane", following.getAsBoolean() ? null
                            : s.dnsFallback().live().contains(t.location(l).id()))
                    .put("latitude", t.location(l).position().latitude()).put("longitude", t.location(l).position().longitude()));
        }
        return out;
    }

    /**
     * The share of {@code l}'s catchment the weights DNS holds keep at home (the wanted plan's may not be
     * live yet: a publish waiting for its confirmation, or failing); null when unknown, and on a follower,
     * which publishes nothing (so is {@code heldOutByDataPlane}).
     */
    private Double liveHomeFraction(EngineState s, int l) {
        TrafficPlan inDns = s.dnsFallback().inDns();
        return following.getAsBoolean() || inDns == null ? null : inDns.fraction(l, l);
    }

    JsonObject plan() {
        EngineState s = loop.state();
        JsonObject rows = new JsonObject();
        s.plan().toMap().forEach((c, row) -> rows.put(c, new JsonObject(new java.util.LinkedHashMap<>(row))));
        return viewed(new JsonObject()).put("generation", s.plan().generation()).put("liveGeneration", liveGeneration(s))
                .put("rows", rows)
                .put("demand", MeasuredDemand.json(loop));
    }

    /** A follower's document opens with what it is; the leader's and a single daemon's have no such key. */
    private JsonObject viewed(JsonObject out) {
        return following.getAsBoolean() ? out.put("followerView", FOLLOWER_VIEW) : out;
    }

    /** Null on a follower: it never publishes, so the generation its engine saw live is not DNS's. */
    private Long liveGeneration(EngineState s) {
        return following.getAsBoolean() ? null : s.liveGeneration();
    }

    JsonArray decisions() {
        JsonArray out = new JsonArray();
        for (Decision d : loop.recentDecisions()) {
            out.add(new JsonObject().put("at", d.at().toString()).put("location", d.location())
                    .put("kind", d.kind().name().toLowerCase(Locale.ROOT)).put("incident", d.incident())
                    .put("summary", d.summary()).put("dryRun", d.dryRun()).put("explanation", d.explanation().render()));
        }
        return out;
    }

    /** Plain text for Slack's status command. */
    String statusText() {
        StringBuilder out = new StringBuilder();
        JsonArray locations = locations();
        for (int i = 0; i < locations.size(); i++) {
            JsonObject l = locations.getJsonObject(i);
            out.append(String.format(Locale.ROOT, "%-15s %-10s score %s%n", l.getString("id"), l.getString("state"),
                    l.getValue("score") == null ? "unknown" : String.format(Locale.ROOT, "%.2f", l.getDouble("score"))));
        }
        return out.toString();
    }

    String explainText(String location) {
        Topology t = loop.engine().topology();
        int l = t.indexOf(location);
        List<Decision> about = loop.recentDecisions().stream().filter(d -> d.location().equals(location)).toList();
        String evidence = about.isEmpty() ? "no decisions about " + location + " recently"
                : about.get(0).summary() + "\n" + about.get(0).explanation().render();
        return location + " is " + loop.state().track(l).state().name().toLowerCase(Locale.ROOT) + "\n" + evidence;
    }

    String weightsText() {
        StringBuilder out = new StringBuilder("plan generation " + loop.state().plan().generation() + "\n");
        loop.state().plan().toMap().forEach((c, row) -> {
            if (!(row.size() == 1 && row.containsKey(c))) {
                out.append(c).append(" -> ").append(row).append('\n');
            }
        });
        return out.length() == 0 ? "every catchment served at home" : out.toString();
    }

    /**
     * Which path moves traffic: the weights (control plane) or the data-plane fallback, which
     * locations it evacuates, and since when publishes fail (null: the last publish did not fail). A
     * follower says only the mode: its adapters refuse every call, so what its engine believes about
     * the path and the API is its own refusals, not DNS (it once showed "API failing" while the API was up).
     */
    private static JsonObject fallback(EngineState s, String mode, boolean following) {
        var f = s.dnsFallback();
        if (following) {
            return new JsonObject().put("mode", mode).putNull("livePath").putNull("engaged").putNull("requested")
                    .putNull("publishesFailingSince").putNull("controlPlaneWatchFailingSince").putNull("apiFailingSince");
        }
        return new JsonObject().put("mode", mode).put("livePath", f.engaged() ? "data plane" : "weights")
                .put("engaged", new JsonArray(f.live())).put("requested", f.requested() == null ? null
                        : new JsonArray(f.requested()))
                .put("publishesFailingSince", since(f.failingSince()))
                .put("controlPlaneWatchFailingSince", since(f.watchFailingSince()))
                .put("apiFailingSince", since(f.apiFailingSince()));
    }

    private static String since(long ms) {
        return ms == 0 ? null : Instant.ofEpochMilli(ms).toString();
    }

    /** The operators' pins in force: where, which way, until when, by whom. */
    private static JsonObject pins(houston.core.engine.Overrides overrides) {
        JsonObject out = new JsonObject();
        overrides.pins().forEach((location, pin) -> out.put(location, new JsonObject()
                .put("target", pin.target().name().toLowerCase(Locale.ROOT))
                .put("until", pin.until() == Long.MAX_VALUE ? null : Instant.ofEpochMilli(pin.until()).toString())
                .put("by", pin.by()).put("reason", pin.reason())));
        return out;
    }
}
