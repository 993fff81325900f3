package houston.dns.fallback;

import houston.core.engine.ActionOutcome.FallbackEngaged;
import houston.core.port.DnsDataPlane;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The data plane of {@code houston.dns.fallback = none}: refuses, so an unexpected request is alerted. */
public final class NoDataPlane implements DnsDataPlane {

    @Override
    public CompletionStage<FallbackEngaged> evacuate(List<String> locations) {
        return CompletableFuture.completedFuture(new FallbackEngaged(locations, false,
                "houston.dns.fallback = none: no data-plane path configured"));
    }
}
