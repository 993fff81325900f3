package houston.app.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.health.ServiceSignal;
import houston.core.health.SignalStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One journal line per tick: {@code {"tick","at","inputs":{…},"actions":["…"]}}. Inputs are kept
 * exactly (observations as compact arrays: a second of 450 probes stays small; measured demand and
 * running instances as {@code [location, value, measuredAt]}, so a replay plans on what was measured and
 * finds the same readings stale); actions as the
 * one-line summaries {@link #describe} gives, for humans and for checking a replay.
 */
final class JournalCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalCodec() {
    }

    /** The tick as one line, however long (tests, and callers that bound the inputs themselves). */
    static String encode(long tick, Instant at, Inputs in, List<Action> actions) {
        return encodeLines(tick, at, in, actions, Long.MAX_VALUE).get(0);
    }

    /**
     * The tick as lines of at most {@code maxLine} bytes: one line normally; a tick whose inputs do not
     * fit is split into parts ({@code "part":k,"parts":n}) that together carry every input exactly, so a
     * replay joins them back into the same tick. A crash between parts leaves an incomplete tick, which
     * is read as torn, like a torn line.
     */
    static List<String> encodeLines(long tick, Instant at, Inputs in, List<Action> actions, long maxLine) {
        List<List<String>> items = emptyPart();
        for (Observation o : in.observations()) {
            items.get(0).add(JSON.createArrayNode().add(o.vantage()).add(o.location()).add(o.target())
                    .add(o.at().toEpochMilli()).add(o.outcome().name()).add(o.latency().toNanos()).toString());
        }
        for (ServiceSignal s : in.signals()) {
            items.get(1).add(JSON.createArrayNode().add(s.location()).add(s.service()).add(s.status().name())
                    .add(s.detail()).add(s.at().toEpochMilli()).toString());
        }
        for (ActionOutcome o : in.outcomes()) {
            items.get(2).add(outcome(o).toString());
        }
        in.commands().forEach(c -> items.get(3).add(CommandJson.encode(c).toString()));
        actions.forEach(a -> items.get(4).add(JSON.getNodeFactory().textNode(describe(a)).toString()));
        in.demand().forEach(d -> items.get(5).add(JSON.createArrayNode().add(d.location()).add(d.rps())
                .add(d.measuredAt()).toString()));
        in.capacity().forEach(c -> items.get(6).add(JSON.createArrayNode().add(c.location()).add(c.instances())
                .add(c.measuredAt()).toString()));
        in.controlPlane().forEach(r -> items.get(7).add(JSON.createArrayNode().add(r.atMs()).add(r.ok())
                .add(r.detail()).toString()));
        List<List<List<String>>> parts = pack(items, maxLine - 200);
        List<String> lines = new ArrayList<>(parts.size());
        String head = "{\"tick\":" + tick + ",\"at\":\"" + at + "\",";
        for (int k = 0; k < parts.size(); k++) {
            List<List<String>> p = parts.get(k);
            lines.add(head + (parts.size() > 1 ? "\"part\":" + (k + 1) + ",\"parts\":" + parts.size() + "," : "")
                    + "\"inputs\":{\"observations\":" + array(p.get(0)) + ",\"signals\":" + array(p.get(1))
                    + ",\"outcomes\":" + array(p.get(2)) + ",\"commands\":" + array(p.get(3))
                    + ",\"demand\":" + array(p.get(5)) + ",\"capacity\":" + array(p.get(6))
                    + ",\"controlPlane\":" + array(p.get(7)) + "},\"actions\":"
                    + array(p.get(4)) + "}");
        }
        return lines;
    }

    /** Items in order, eight kinds, packed greedily into parts of about {@code budget} bytes each. */
    private static List<List<List<String>>> pack(List<List<String>> items, long budget) {
        List<List<List<String>>> parts = new ArrayList<>();
        List<List<String>> part = emptyPart();
        long size = 0;
        for (int kind = 0; kind < items.size(); kind++) {
            for (String item : items.get(kind)) {
                long bytes = item.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L;
                if (size > 0 && size + bytes > budget) {
                    parts.add(part);
                    part = emptyPart();
                    size = 0;
                }
                part.get(kind).add(item);
                size += bytes;
            }
        }
        parts.add(part);
        return parts;
    }

    private static List<List<String>> emptyPart() {
        // observations, signals, outcomes, commands, actions, demand, capacity, control-plane watch readings
        return List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    private static ObjectNode outcome(ActionOutcome o) {
        if (o instanceof ActionOutcome.PlanPublished p) {
            return JSON.createObjectNode().put("type", "published").put("generation", p.generation())
                    .put("status", p.status().name()).put("detail", p.detail()).put("tookMs", p.took().toMillis());
        }
        if (o instanceof ActionOutcome.FallbackEngaged f) {
            ObjectNode n = JSON.createObjectNode().put("type", "fallback").put("engaged", f.engaged())
                    .put("detail", f.detail());
            var locations = n.putArray("locations");
            f.locations().forEach(locations::add);
            return n;
        }
        ActionOutcome.ScaleResult s = (ActionOutcome.ScaleResult) o;
        return JSON.createObjectNode().put("type", "scale").put("location", s.location()).put("instances", s.instances())
                .put("status", s.status().name()).put("detail", s.detail());
    }

    static String encode(JsonlJournal.Checkpoint c) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode cp = root.putObject("checkpoint").put("at", c.at().toString()).put("generation", c.generation())
                .put("liveGeneration", c.liveGeneration());
        ObjectNode rows = cp.putObject("rows");
        c.rows().forEach((catchment, row) -> {
            ObjectNode r = rows.putObject(catchment);
            row.forEach(r::put);
        });
        return root.toString();
    }

    /** The last line of a journal closed on a graceful stop. */
    static String closed(Instant at) {
        return JSON.createObjectNode().set("closed", JSON.createObjectNode().put("at", at.toString())).toString();
    }

    /** One part of a tick split over several lines ({@code part} of {@code parts}, from 1). */
    record Part(JsonlJournal.Record record, int part, int parts) {
    }

    /** A closing mark: the journal was closed on a graceful stop. */
    record Closed(Instant at) {
    }

    /** A tick record, a part of one, a checkpoint or a closing mark. */
    static Object decodeLine(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable journal line: " + e.getMessage());
        }
        if (root.has("checkpoint")) {
            JsonNode cp = root.get("checkpoint");
            java.util.Map<String, java.util.Map<String, Double>> rows = new java.util.LinkedHashMap<>();
            cp.get("rows").fields().forEachRemaining(e -> {
                java.util.Map<String, Double> row = new java.util.LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().asDouble()));
                rows.put(e.getKey(), row);
            });
            return new JsonlJournal.Checkpoint(Instant.parse(cp.get("at").asText()), rows, cp.get("generation").asLong(),
                    cp.get("liveGeneration").asLong());
        }
        if (root.has("closed")) {
            return new Closed(Instant.parse(root.get("closed").get("at").asText()));
        }
        JsonlJournal.Record record = decode(root);
        return root.has("part") ? new Part(record, root.get("part").asInt(), root.get("parts").asInt()) : record;
    }

    /** The line's tick, time, inputs and action summaries. */
    static JsonlJournal.Record decode(String line) {
        return (JsonlJournal.Record) decodeLine(line);
    }

    private static JsonlJournal.Record decode(JsonNode root) {
        JsonNode in = root.get("inputs");
        List<Observation> obs = new ArrayList<>();
        for (JsonNode o : in.get("observations")) {
            obs.add(new Observation(o.get(0).asText(), o.get(1).asText(), o.get(2).asText(),
                    Instant.ofEpochMilli(o.get(3).asLong()), Outcome.valueOf(o.get(4).asText()), Duration.ofNanos(o.get(5).asLong())));
        }
        List<ServiceSignal> sig = new ArrayList<>();
        for (JsonNode s : in.get("signals")) {
            sig.add(new ServiceSignal(s.get(0).asText(), s.get(1).asText(), SignalStatus.valueOf(s.get(2).asText()),
                    s.get(3).asText(), Instant.ofEpochMilli(s.get(4).asLong())));
        }
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (JsonNode o : in.get("outcomes")) {
            if (o.get("type").asText().equals("fallback")) {
                List<String> locations = new ArrayList<>();
                o.path("locations").forEach(l -> locations.add(l.asText()));
                outcomes.add(new ActionOutcome.FallbackEngaged(locations, o.get("engaged").asBoolean(),
                        o.get("detail").asText()));
                continue;
            }
            outcomes.add(o.get("type").asText().equals("published")
                    ? new ActionOutcome.PlanPublished(o.get("generation").asLong(),
                            ActionOutcome.PublishStatus.valueOf(o.get("status").asText()), o.get("detail").asText(),
                            Duration.ofMillis(o.get("tookMs").asLong()))
                    : new ActionOutcome.ScaleResult(o.get("location").asText(), o.get("instances").asInt(),
                            ActionOutcome.ScaleStatus.valueOf(o.get("status").asText()), o.get("detail").asText()));
        }
        List<OperatorCommand> commands = new ArrayList<>();
        for (JsonNode c : in.get("commands")) {
            commands.add(CommandJson.decode(c));
        }
        // Lines written before readings were journaled have none: the engine kept its last known values.
        List<Inputs.DemandReading> demand = new ArrayList<>();
        // Journals written before readings carried their measurement time hold pairs: read as "as of the tick".
        in.path("demand").forEach(d -> demand.add(new Inputs.DemandReading(d.get(0).asText(), d.get(1).asDouble(),
                d.path(2).asLong(0))));
        List<Inputs.CapacityReading> capacity = new ArrayList<>();
        in.path("capacity").forEach(c -> capacity.add(new Inputs.CapacityReading(c.get(0).asText(), c.get(1).asInt(),
                c.path(2).asLong(0))));
        // Lines written before the control-plane watch have no readings: none was made.
        List<Inputs.ControlPlaneReading> controlPlane = new ArrayList<>();
        in.path("controlPlane").forEach(r -> controlPlane.add(new Inputs.ControlPlaneReading(r.get(0).asLong(),
                r.get(1).asBoolean(), r.get(2).asText())));
        List<String> actions = new ArrayList<>();
        root.get("actions").forEach(a -> actions.add(a.asText()));
        return new JsonlJournal.Record(root.get("tick").asLong(), Instant.parse(root.get("at").asText()),
                Inputs.builder().observations(obs).signals(sig).outcomes(outcomes).commands(commands).demand(demand)
                        .capacity(capacity).controlPlane(controlPlane).build(), actions);
    }

    /** One line per action, stable enough to compare a replay against. */
    static String describe(Action a) {
        return ActionSummary.of(a);
    }
}
