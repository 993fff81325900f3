package houston.probes.intake;

import houston.core.health.ServiceSignal;
import houston.core.health.SignalStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The wire format of a service signal, service → daemon:
 * <pre>{"location":"eu-west-1","service":"checkout-api","status":"degraded","detail":"db p99 2.3 s"}</pre>
 * The daemon stamps it with its own time: a service's clock is not trusted to order evidence.
 */
public final class SignalCodec {

    private SignalCodec() {
    }

    public static Buffer encode(ServiceSignal s) {
        return new JsonObject().put("location", s.location()).put("service", s.service())
                .put("status", s.status().name().toLowerCase(Locale.ROOT)).put("detail", s.detail()).toBuffer();
    }

    public static ServiceSignal decode(Buffer body, Set<String> locations, Instant now) throws BadRequest {
        JsonObject json = JsonBody.object(body);
        String location = ObservationCodec.text(json, "location", "signal");
        if (!locations.contains(location)) {
            throw new BadRequest(400, "signal.location: unknown location '" + location + "'");
        }
        String service = ObservationCodec.text(json, "service", "signal");
        if (!service.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new BadRequest(400, "signal.service: expected 1-64 of A-Z a-z 0-9 _ . -");
        }
        SignalStatus status;
        try {
            status = SignalStatus.valueOf(ObservationCodec.text(json, "status", "signal").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "signal.status: expected healthy, degraded or failing");
        }
        Object detail = json.getValue("detail");
        if (detail != null && (!(detail instanceof String d) || d.length() > 500)) {
            throw new BadRequest(400, "signal.detail: expected a string of at most 500 characters");
        }
        return new ServiceSignal(location, service, status, detail == null ? "" : (String) detail, now);
    }
}
