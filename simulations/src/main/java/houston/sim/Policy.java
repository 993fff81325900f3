package houston.sim;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome;
import houston.core.engine.Inputs;
import houston.core.health.Observation;
import houston.core.health.ServiceSignal;

import java.time.Instant;
import java.util.List;

/**
 * Who steers traffic in a run: Houston's engine, nobody, or a baseline. A policy sees what the
 * world reported since its last tick and answers with the same {@link Action}s the daemon
 * executes; the world carries them out (DNS with its latency and faults, scalers with their lead
 * times) and reports outcomes back on a later tick.
 */
interface Policy {

    /** Name in the KPI table and the report. */
    String name();

    /** Whether the world should generate vantage-point probes for it (only Houston reads them). */
    default boolean wantsProbes() {
        return false;
    }

    /** False when its plan changes happen inside the DNS provider (no API call, no API faults). */
    default boolean usesDnsApi() {
        return true;
    }

    /**
     * Whether its published pools give their fallback receivers a floor weight (Houston with a
     * data-plane fallback configured), so Route 53 has somewhere near to send a dropped home's users.
     */
    default boolean floorsFallbackReceivers() {
        return false;
    }

    /**
     * What the platform's metrics read before this tick: requests/s each catchment sends and the
     * instances each location runs (the daemon reads them from Prometheus and the scaler). Only
     * Houston plans on them; the baselines have no such input.
     */
    default void measured(List<Inputs.DemandReading> demand, List<Inputs.CapacityReading> capacity) {
    }

    /**
     * Whether it reads the DNS control plane on its own cadence, to know the API is down before a
     * publish needs it (Houston with a data-plane fallback configured, as the daemon does).
     */
    default boolean watchesControlPlane() {
        return false;
    }

    /** What the control-plane watch read since the last tick (only a policy that watches hears it). */
    default void watched(List<Inputs.ControlPlaneReading> readings) {
    }

    List<Action> tick(Instant now, List<Observation> observations, List<ServiceSignal> signals,
                      List<ActionOutcome> outcomes);
}
