package houston.app.cli;

import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Whether a 200 to {@code POST /lab/faults} is the lab's. Any JSON was taken for success, so a
 * server of another kind on the port ({"x":…}) had "faults now: …" printed and exit 0 while no
 * fault was set. The lab answers the faults in force: an object of target → fault, every value a
 * string, and the target just faulted among them (unless the fault clears it: clear, dns-api up).
 */
final class LabAnswer {

    /** Kinds after which the target is no longer among the faults in force. */
    private static final Set<String> CLEARING = Set.of("none", "clear", "up");

    private LabAnswer() {
    }

    static boolean isLabs(JsonObject answer, String target, String kind) {
        for (String key : answer.fieldNames()) {
            if (!(answer.getValue(key) instanceof String)) {
                return false;
            }
        }
        // The lab reads a target whatever its case and answers under its own name (US-EAST-1 is us-east-1).
        boolean named = answer.fieldNames().stream().anyMatch(target::equalsIgnoreCase);
        return CLEARING.contains(kind) != named;
    }
}
