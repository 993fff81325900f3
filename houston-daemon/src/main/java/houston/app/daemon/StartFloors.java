package houston.app.daemon;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.EngineState;
import houston.core.port.DnsSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The floors the data-plane fallback drops a record onto, written when the daemon starts. A record left
 * out by a failing health check sends its catchment to the other records of its pool by weight, and
 * when those all weigh 0, to every location evenly: near and far, large and small. The engine plans each
 * drop on the floors (small weights on the nearest receivers with room) that a publish writes beside the
 * home's 255. A zone prepared by {@code houston dns init} before the fallback was turned on holds none,
 * and the first publish may be the one that fails: the API down at the very outage the floors are for.
 * So a daemon with the fallback on publishes the plan DNS already holds, at its own generation, as it
 * starts: the weights stay, the floors are written; a zone that holds them is sent nothing.
 *
 * <p>Not for a replica (its leader writes, fenced) nor while a journaled generation waits to be published
 * (that publish writes them), nor before DNS could be read.
 */
final class StartFloors {

    private static final Logger log = LoggerFactory.getLogger(StartFloors.class);

    private StartFloors() {
    }

    /** Publishes {@code start}'s plan again when it is the one live; completes with null when it does not. */
    static CompletionStage<PlanPublished> write(DnsSwitch dns, EngineState start, boolean fallbackOn, boolean replica,
                                                boolean dnsRead) {
        if (!fallbackOn || replica || !dnsRead || start.plan().generation() != start.liveGeneration()) {
            return CompletableFuture.completedFuture(null);
        }
        return dns.publish(start.plan()).whenComplete((p, e) -> {
            if (e != null) {
                log.warn("writing the data-plane fallback's floors at start failed: {}; the next publish writes them", e.toString());
            } else {
                log.info("data-plane fallback floors at start (plan generation {}): {} {}", p.generation(), p.status(), p.detail());
            }
        });
    }
}
