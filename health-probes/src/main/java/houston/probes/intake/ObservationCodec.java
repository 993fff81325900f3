package houston.probes.intake;

import houston.core.health.Observation;
import houston.core.health.Outcome;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The wire format of an observation batch, agent → daemon:
 * <pre>{"vantage":"agent-eu","observations":[{"location":"us-east-1","target":"canary-1.example",
 *   "at":"2026-11-22T04:00:00.123Z","outcome":"timeout","latencyMs":2000.1}]}</pre>
 * Decoding validates everything before returning anything: a batch is accepted whole or not at all.
 */
public final class ObservationCodec {

    /** Most observations one batch may carry. */
    public static final int MAX_BATCH = 20_000;

    private ObservationCodec() {
    }

    public static Buffer encode(String vantage, List<Observation> observations) {
        JsonArray array = new JsonArray();
        for (Observation o : observations) {
            array.add(new JsonObject().put("location", o.location()).put("target", o.target())
                    .put("at", o.at().toString()).put("outcome", o.outcome().name().toLowerCase(Locale.ROOT))
                    .put("latencyMs", o.latency().toNanos() / 1e6));
        }
        return new JsonObject().put("vantage", vantage).put("observations", array).toBuffer();
    }

    /**
     * The observations of a batch, or a {@link BadRequest} naming the first problem.
     *
     * @param vantages  vantages allowed to report (403 otherwise)
     * @param locations known location ids
     * @param now       the daemon's time; observations more than {@code maxAge} old or more
     *                  than {@code maxSkew} in the future are refused
     */
    public static List<Observation> decode(Buffer body, Set<String> vantages, Set<String> locations, Instant now,
                                           Duration maxAge, Duration maxSkew) throws BadRequest {
        JsonObject json = JsonBody.object(body);
        String vantage = text(json, "vantage", "batch");
        if (!vantages.contains(vantage)) {
            throw new BadRequest(403, "vantage '" + vantage + "' is not configured (houston.health.vantages)");
        }
        JsonArray array = json.getValue("observations") instanceof JsonArray a ? a : null;
        if (array == null) {
            throw new BadRequest(400, "observations: expected an array");
        }
        if (array.size() > MAX_BATCH) {
            throw new BadRequest(413, "observations: " + array.size() + " in one batch (max " + MAX_BATCH + ")");
        }
        List<Observation> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject o)) {
                throw new BadRequest(400, "observations[" + i + "]: expected an object");
            }
            result.add(observation(vantage, o, "observations[" + i + "]", locations, now, maxAge, maxSkew));
        }
        return result;
    }

    private static Observation observation(String vantage, JsonObject o, String where, Set<String> locations,
                                           Instant now, Duration maxAge, Duration maxSkew) throws BadRequest {
        String location = text(o, "location", where);
        if (!locations.contains(location)) {
            throw new BadRequest(400, where + ".location: unknown location '" + location + "'");
        }
        Instant at;
        try {
            at = Instant.parse(text(o, "at", where));
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, where + ".at: expected an ISO-8601 instant such as 2026-11-22T04:00:00Z");
        }
        if (at.isBefore(now.minus(maxAge)) || at.isAfter(now.plus(maxSkew))) {
            throw new BadRequest(400, where + ".at: " + at + " is outside [now-" + maxAge.toSeconds() + "s, now+"
                    + maxSkew.toSeconds() + "s]");
        }
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(text(o, "outcome", where).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, where + ".outcome: expected one of ok, slow, http_error, timeout, "
                    + "connect_error, tls_error, content_mismatch");
        }
        Object latency = o.getValue("latencyMs");
        if (!(latency instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 3_600_000) {
            throw new BadRequest(400, where + ".latencyMs: expected a number of milliseconds 0..3600000");
        }
        String target = o.getValue("target") instanceof String t ? t : "";
        return new Observation(vantage, location, target, at, outcome, Duration.ofNanos((long) (n.doubleValue() * 1e6)));
    }

    static String text(JsonObject o, String field, String where) throws BadRequest {
        Object v = o.getValue(field);
        if (!(v instanceof String s) || s.isBlank() || s.length() > 256) {
            throw new BadRequest(400, where + "." + field + ": expected a non-empty string of at most 256 characters");
        }
        return s;
    }
}
