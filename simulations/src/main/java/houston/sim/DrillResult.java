package houston.sim;

import java.util.List;

/**
 * A drill's outcome: every policy's run, the failed requests no DNS-based policy can avoid
 * ({@link DnsBound}), and Houston's verdict on each objective.
 */
public record DrillResult(Scenario scenario, List<RunResult> runs, double dnsBound, List<Objectives.Verdict> verdicts) {

    public boolean objectivesMet() {
        return verdicts.stream().allMatch(Objectives.Verdict::met);
    }

    /** The Route 53 baseline that failed fewer requests. */
    public RunResult betterBaseline() {
        return Objectives.better(runs);
    }

    public RunResult run(String policy) {
        return runs.stream().filter(r -> r.policy().equals(policy)).findFirst().orElseThrow();
    }
}
