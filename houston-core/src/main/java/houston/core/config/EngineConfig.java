package houston.core.config;

/** Everything the decision engine needs to know besides the topology. */
public record EngineConfig(
        HealthConfig health,
        HysteresisConfig hysteresis,
        FailbackConfig failback,
        PlannerConfig planner,
        SafetyConfig safety) {

    public static EngineConfig defaults() {
        return new EngineConfig(HealthConfig.defaults(), HysteresisConfig.defaults(), FailbackConfig.defaults(),
                PlannerConfig.defaults(), SafetyConfig.defaults());
    }

    public EngineConfig withHealth(HealthConfig newHealth) {
        return new EngineConfig(newHealth, hysteresis, failback, planner, safety);
    }

    public EngineConfig withSafety(SafetyConfig newSafety) {
        return new EngineConfig(health, hysteresis, failback, planner, newSafety);
    }
}
