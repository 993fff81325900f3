package houston.core.engine;

import java.time.Duration;

/** What became of an action, fed back to the engine on a later tick. */
public sealed interface ActionOutcome {

    /**
     * How a DNS publish ended. ACCEPTED: the provider took the change (it returned a change id and
     * will apply it) but INSYNC could not be confirmed yet, e.g. because the polls were throttled;
     * not a failure (the change must not be sent again), not yet live (it is confirmed later).
     */
    enum PublishStatus { INSYNC, FAILED, LOST_OWNERSHIP, ACCEPTED }

    /** How a scale request stands. */
    enum ScaleStatus { REQUESTED, READY, FAILED, TIMED_OUT }

    /** The publish of plan {@code generation} ended with {@code status} after {@code took}. */
    record PlanPublished(long generation, PublishStatus status, String detail, Duration took)
            implements ActionOutcome {
    }

    /**
     * The data-plane fallback now evacuates exactly {@code locations} ({@code engaged} true), or
     * setting it failed and nothing is known to have changed ({@code engaged} false).
     */
    record FallbackEngaged(java.util.List<String> locations, boolean engaged, String detail) implements ActionOutcome {

        public FallbackEngaged {
            locations = java.util.List.copyOf(locations);
        }
    }

    /** {@code location}'s scale to {@code instances} is now {@code status}. */
    record ScaleResult(String location, int instances, ScaleStatus status, String detail)
            implements ActionOutcome {
    }
}
