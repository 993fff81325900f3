package houston.app.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import houston.core.engine.OperatorCommand;
import houston.core.engine.PinTarget;

import java.time.Duration;

/**
 * An operator command as a JSON object, {@code {"by","type",…}} with its duration in {@code seconds}:
 * one shape for the journal's ticks ({@link JournalCodec}) and the replicas' shared command queue
 * ({@link SharedCommandQueue}), so a command reads back the same from either.
 */
final class CommandJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandJson() {
    }

    static ObjectNode encode(OperatorCommand c) {
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
            n.put("type", "pin").put("location", p.location()).put("target", p.target().name()).put("reason", p.reason());
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

    static OperatorCommand decode(JsonNode c) {
        String by = c.get("by").asText();
        Duration d = c.has("seconds") ? Duration.ofSeconds(c.get("seconds").asLong()) : null;
        String location = c.has("location") ? c.get("location").asText() : null;
        String reason = c.has("reason") && !c.get("reason").isNull() ? c.get("reason").asText() : null;
        return switch (c.get("type").asText()) {
            case "evacuate" -> new OperatorCommand.Evacuate(location, d, reason, by);
            case "restore" -> new OperatorCommand.Restore(location, by);
            case "freeze" -> new OperatorCommand.Freeze(d, reason, by);
            case "unfreeze" -> new OperatorCommand.Unfreeze(by);
            case "pin" -> new OperatorCommand.Pin(location, PinTarget.valueOf(c.get("target").asText()), d, reason,
                    by);
            case "unpin" -> new OperatorCommand.Unpin(location, by);
            default -> throw new IllegalArgumentException("unknown journaled command " + c);
        };
    }
}
