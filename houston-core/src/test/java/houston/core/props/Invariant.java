package houston.core.props;

/**
 * The engine's invariants, each checked after every step of a history. A property that checks
 * one of them ends a history quietly at a step that throws: throwing is {@link #STEP_NEVER_THROWS}'
 * business, so each defect is reported once, by the invariant it breaks.
 */
public enum Invariant {
    STEP_NEVER_THROWS("step never throws"),
    PLAN_ROWS_EXACT("plan rows exact"),
    RECEIVERS_WITHIN_MAXIMUM("no receiver planned past its maximum"),
    RECEIVERS_WITHIN_READY_CAPACITY("no receiver given traffic past what its ready instances serve"),
    NO_CATCHMENT_ON_BAD_RECEIVER("no catchment on a bad location while a good one has room"),
    SCALE_DOWN_KEEPS_OWN_DEMAND("no scale-down below what a location's own demand needs"),
    MIN_SERVING("min-serving"),
    FAIL_STATIC_RELEASED_ON_FRESH_EVIDENCE("fail-static released only on fresh evidence"),
    COMMANDS_APPLIED_OR_ANSWERED("every command applied or answered"),
    INCIDENTS_CLOSED_OR_LIVE("incidents closed or live"),
    NO_REPUBLISH_OF_EQUAL_ROWS("no new plan generation with the rows of the plan before it"),
    SHIFTS_MOVE_TRAFFIC("every traffic-shifting decision changes some share by more than dust"),
    REPLAY_GIVES_SAME_ACTIONS("replay gives the same actions");

    private final String description;

    Invariant(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return description;
    }
}
