package houston.probes.intake;

import houston.core.health.Observation;
import houston.core.health.ServiceSignal;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Mounts the signed push endpoints on a router: {@code POST /v1/observations} (agents) and
 * {@code POST /v1/signals} (services). Bodies over {@code maxBodyBytes} get 413 before they are read;
 * while {@code busy} (the daemon holds too much for its next tick) pushes get 503 + Retry-After.
 */
public final class IntakeRoutes {

    /** How old a pushed observation may be, and how far in the future (agent clock skew). */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    public static final Duration MAX_SKEW = Duration.ofMinutes(1);

    private IntakeRoutes() {
    }

    public static void mount(Router router, HmacAuth auth, Set<String> vantages, Set<String> locations, Clock clock,
                             Consumer<List<Observation>> observations, Consumer<ServiceSignal> signals,
                             MeterRegistry registry, long maxBodyBytes, java.util.function.BooleanSupplier busy) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        // One largest body decoding at a time: a decoded batch of 4 MiB takes tens of MB on the heap, and two
        // at once took the launcher's 192 MB heap to 161 MB used and RSS to 300 MB under 6 parallel agents.
        router.post("/v1/observations").failureHandler(ctx -> refused(ctx, registry, "observations"))
                .handler(new IntakeGate(maxBodyBytes, maxBodyBytes, busy, registry, "observations")).handler(body)
                .handler(new SignedIntake("observations", auth, buffer -> {
            List<Observation> batch = ObservationCodec.decode(buffer, vantages, locations, clock.instant(), MAX_AGE,
                    MAX_SKEW);
            observations.accept(batch);
            return batch.size();
        }, registry));
        router.post("/v1/signals").failureHandler(ctx -> refused(ctx, registry, "signals"))
                .handler(new IntakeGate(maxBodyBytes, maxBodyBytes, busy, registry, "signals")).handler(body)
                .handler(new SignedIntake("signals", auth, buffer -> {
            signals.accept(SignalCodec.decode(buffer, locations, clock.instant()));
            return 1;
        }, registry));
    }

    /**
     * A request refused before the intake saw it (413 from the body limit): the same JSON shape, no stack
     * trace, and counted like the intake's own refusals so an alert on too_large sees it.
     */
    private static void refused(io.vertx.ext.web.RoutingContext ctx, MeterRegistry registry, String endpoint) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status == 413 || status == 400) {
            SignedIntake.counter(registry, endpoint, status == 413 ? "too_large" : "bad_request").increment();
        }
        String error = status == 413 ? "request body too large" : "request failed: " + status;
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new io.vertx.core.json.JsonObject().put("error", error).encode());
    }
}
