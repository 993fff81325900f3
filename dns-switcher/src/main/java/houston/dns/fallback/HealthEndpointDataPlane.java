package houston.dns.fallback;

import houston.core.engine.ActionOutcome.FallbackEngaged;
import houston.core.port.DnsDataPlane;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code health-endpoint} fallback: Route 53 health checks, provisioned at {@code dns init},
 * probe {@code /v1/dns-health/<location>} on Houston; this is what that endpoint answers. A
 * location is unhealthy exactly while the engine has asked for it to be evacuated through the data
 * plane; every other location, known or not to this set, is healthy. Route 53's checkers then drop
 * the unhealthy location's records from every pool by themselves, with no control-plane call.
 */
public final class HealthEndpointDataPlane implements DnsDataPlane {

    private volatile Set<String> evacuated;

    /** Starts answering as the engine's restored state says ({@code live}: evacuated through the data plane). */
    public HealthEndpointDataPlane(List<String> live) {
        this.evacuated = Set.copyOf(live);
    }

    @Override
    public CompletionStage<FallbackEngaged> evacuate(List<String> locations) {
        evacuated = Set.copyOf(locations);
        String detail = locations.isEmpty() ? "every /v1/dns-health/<location> answers 200"
                : "/v1/dns-health/<location> answers 503 for " + locations;
        return CompletableFuture.completedFuture(new FallbackEngaged(locations, true, detail));
    }

    /** What the health endpoint answers for {@code location}: false (503) while it is evacuated here. */
    public boolean healthy(String location) {
        return !evacuated.contains(location);
    }
}
