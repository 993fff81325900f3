package houston.app.daemon;

import houston.app.config.HoustonSettings;

/**
 * The daemon's port to the simulator: {@code /houston drill NAME} runs a shipped drill against the
 * daemon's own configuration and answers with its text. The daemon does not depend on simulations (a
 * release's daemon module stays small and free of virtual time); the composition root that starts it
 * (houston-cli's {@code run}) supplies the implementation.
 */
@FunctionalInterface
public interface Drills {

    /** The answer to show the operator: a KPI table, or why nothing was run. Blocks about a second. */
    String run(String name, HoustonSettings settings);
}
