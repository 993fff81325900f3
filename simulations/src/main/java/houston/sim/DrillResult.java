package houston.sim;

import java.util.List;

/** A drill's outcome: every policy's run, and Houston's verdict on each objective. */
public record DrillResult(Scenario scenario, List<RunResult> runs, List<Objectives.Verdict> verdicts) {

    public boolean objectivesMet() {
        return verdicts.stream().allMatch(Objectives.Verdict::met);
    }

    public RunResult run(String policy) {
        return runs.stream().filter(r -> r.policy().equals(policy)).findFirst().orElseThrow();
    }
}
