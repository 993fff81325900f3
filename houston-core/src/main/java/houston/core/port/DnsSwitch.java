package houston.core.port;

import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.model.TrafficPlan;

import java.util.concurrent.CompletionStage;

/**
 * Makes a traffic plan the live DNS answer (Route 53 weighted records in production, memory or
 * a file in the lab and dry-run). Implementations never block the caller's thread.
 */
public interface DnsSwitch {

    /**
     * Publishes {@code plan}: only what differs from the live records, atomically, then waits
     * until the change is in sync. Completes with INSYNC, FAILED (after the adapter's own bounded
     * retries) or LOST_OWNERSHIP (another writer changed the zone). Publishing a generation that is
     * already live sends only records that differ from what it would write (a pool's fallback floors
     * missing, say), nothing when none does, and completes INSYNC; a lower generation completes FAILED.
     */
    CompletionStage<PlanPublished> publish(TrafficPlan plan);

    /** The plan actually live, read back from DNS, with the generation its writer recorded. */
    CompletionStage<TrafficPlan> readLive();
}
