package houston.core.config;

/** Everything the decision engine needs to know besides the topology. */
public record EngineConfig(
        HealthConfig health,
        HysteresisConfig hysteresis,
        FailbackConfig failback,
        PlannerConfig planner,
        SafetyConfig safety,
        DnsFallbackConfig dnsFallback,
        DemandConfig demand) {

    public EngineConfig {
        demand = demand == null ? DemandConfig.defaults() : demand;
    }

    /** With the default trust in measured demand. */
    public EngineConfig(HealthConfig health, HysteresisConfig hysteresis, FailbackConfig failback,
                        PlannerConfig planner, SafetyConfig safety, DnsFallbackConfig dnsFallback) {
        this(health, hysteresis, failback, planner, safety, dnsFallback, DemandConfig.defaults());
    }

    /** Without a DNS fallback (the engine only ever publishes weights). */
    public EngineConfig(HealthConfig health, HysteresisConfig hysteresis, FailbackConfig failback,
                        PlannerConfig planner, SafetyConfig safety) {
        this(health, hysteresis, failback, planner, safety, DnsFallbackConfig.defaults());
    }

    public static EngineConfig defaults() {
        return new EngineConfig(HealthConfig.defaults(), HysteresisConfig.defaults(), FailbackConfig.defaults(),
                PlannerConfig.defaults(), SafetyConfig.defaults());
    }

    public EngineConfig withHealth(HealthConfig newHealth) {
        return new EngineConfig(newHealth, hysteresis, failback, planner, safety, dnsFallback, demand);
    }

    public EngineConfig withPlanner(PlannerConfig newPlanner) {
        return new EngineConfig(health, hysteresis, failback, newPlanner, safety, dnsFallback, demand);
    }

    public EngineConfig withSafety(SafetyConfig newSafety) {
        return new EngineConfig(health, hysteresis, failback, planner, newSafety, dnsFallback, demand);
    }

    public EngineConfig withDnsFallback(DnsFallbackConfig newFallback) {
        return new EngineConfig(health, hysteresis, failback, planner, safety, newFallback, demand);
    }

    public EngineConfig withDemand(DemandConfig newDemand) {
        return new EngineConfig(health, hysteresis, failback, planner, safety, dnsFallback, newDemand);
    }
}
