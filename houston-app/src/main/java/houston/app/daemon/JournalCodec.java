package houston.app.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.Inputs;
import houston.core.engine.OperatorCommand;
import houston.core.engine.PinTarget;
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
 * exactly (observations as compact arrays: a second of 450 probes stays small); actions as the
 * one-line summaries {@link #describe} gives, for humans and for checking a replay.
 */
final class JournalCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalCodec() {
    }

    static String encode(long tick, Instant at, Inputs in, List<Action> actions) {
        ObjectNode root = JSON.createObjectNode().put("tick", tick).put("at", at.toString());
        ObjectNode inputs = root.putObject("inputs");
        ArrayNode obs = inputs.putArray("observations");
        for (Observation o : in.observations()) {
            obs.addArray().add(o.vantage()).add(o.location()).add(o.target()).add(o.at().toEpochMilli())
                    .add(o.outcome().name()).add(o.latency().toNanos());
        }
        ArrayNode sig = inputs.putArray("signals");
        for (ServiceSignal s : in.signals()) {
            sig.addArray().add(s.location()).add(s.service()).add(s.status().name()).add(s.detail()).add(s.at().toEpochMilli());
        }
        ArrayNode out = inputs.putArray("outcomes");
        for (ActionOutcome o : in.outcomes()) {
            if (o instanceof ActionOutcome.PlanPublished p) {
                out.addObject().put("type", "published").put("generation", p.generation()).put("status", p.status().name())
                        .put("detail", p.detail()).put("tookMs", p.took().toMillis());
            } else if (o instanceof ActionOutcome.ScaleResult s) {
                out.addObject().put("type", "scale").put("location", s.location()).put("instances", s.instances())
                        .put("status", s.status().name()).put("detail", s.detail());
            }
        }
        ArrayNode cmd = inputs.putArray("commands");
        in.commands().forEach(c -> cmd.add(command(c)));
        ArrayNode acts = root.putArray("actions");
        actions.forEach(a -> acts.add(describe(a)));
        return root.toString();
    }

    static ObjectNode command(OperatorCommand c) {
        ObjectNode n = JSON.createObjectNode().put("by", c.by());
        if (c instanceof OperatorCommand.Evacuate e) {
            n.put("type", "evacuate").put("location", e.location()).put("reason", e.reason());
            seconds(n, e.duration());
        } else if (c instanceof OperatorCommand.Restore r) {
            n.put("type", "restore").put("location", r.location());
        } else if (c instanceof OperatorCommand.Freeze f) {
            n.put("type", "freeze").put("reason", f.reason());
            seconds(n, f.duration());
        } else if (c instanceof OperatorCommand.Unfreeze) {
            n.put("type", "unfreeze");
        } else if (c instanceof OperatorCommand.Pin p) {
            n.put("type", "pin").put("location", p.location()).put("target", p.target().name());
            seconds(n, p.duration());
        } else if (c instanceof OperatorCommand.Unpin u) {
            n.put("type", "unpin").put("location", u.location());
        }
        return n;
    }

    private static void seconds(ObjectNode n, Duration d) {
        if (d != null) {
            n.put("seconds", d.toSeconds());
        }
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

    /** A tick record or a checkpoint. */
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
        return decode(root);
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
            outcomes.add(o.get("type").asText().equals("published")
                    ? new ActionOutcome.PlanPublished(o.get("generation").asLong(),
                            ActionOutcome.PublishStatus.valueOf(o.get("status").asText()), o.get("detail").asText(),
                            Duration.ofMillis(o.get("tookMs").asLong()))
                    : new ActionOutcome.ScaleResult(o.get("location").asText(), o.get("instances").asInt(),
                            ActionOutcome.ScaleStatus.valueOf(o.get("status").asText()), o.get("detail").asText()));
        }
        List<OperatorCommand> commands = new ArrayList<>();
        for (JsonNode c : in.get("commands")) {
            commands.add(command(c));
        }
        List<String> actions = new ArrayList<>();
        root.get("actions").forEach(a -> actions.add(a.asText()));
        return new JsonlJournal.Record(root.get("tick").asLong(), Instant.parse(root.get("at").asText()),
                new Inputs(obs, sig, outcomes, commands, List.of(), List.of()), actions);
    }

    static OperatorCommand command(JsonNode c) {
        String by = c.get("by").asText();
        Duration d = c.has("seconds") ? Duration.ofSeconds(c.get("seconds").asLong()) : null;
        String location = c.has("location") ? c.get("location").asText() : null;
        String reason = c.has("reason") && !c.get("reason").isNull() ? c.get("reason").asText() : null;
        return switch (c.get("type").asText()) {
            case "evacuate" -> new OperatorCommand.Evacuate(location, d, reason, by);
            case "restore" -> new OperatorCommand.Restore(location, by);
            case "freeze" -> new OperatorCommand.Freeze(d, reason, by);
            case "unfreeze" -> new OperatorCommand.Unfreeze(by);
            case "pin" -> new OperatorCommand.Pin(location, PinTarget.valueOf(c.get("target").asText()), d, by);
            case "unpin" -> new OperatorCommand.Unpin(location, by);
            default -> throw new IllegalArgumentException("unknown journaled command " + c);
        };
    }

    /** One line per action, stable enough to compare a replay against. */
    static String describe(Action a) {
        if (a instanceof Action.PublishPlan p) {
            return "publish generation " + p.plan().generation() + " " + p.plan();
        } else if (a instanceof Action.PreScale s) {
            return "prescale " + s.location() + " to " + s.instances() + " (" + s.reason() + ")";
        } else if (a instanceof Action.ScaleDown d) {
            return "scale-down " + d.location() + " to " + d.instances();
        } else if (a instanceof Action.Notify n) {
            return "notify " + n.decision().kind() + " " + n.decision().location() + ": " + n.decision().summary();
        } else if (a instanceof Action.Alert al) {
            return "alert " + al.kind() + ": " + al.message();
        }
        return a.toString();
    }
}
