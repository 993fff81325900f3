package houston.core.engine;

import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.health.Observation;
import houston.core.health.Outcome;
import houston.core.health.ServiceSignal;
import houston.core.health.SignalStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputsTest {

    private static final Instant AT = Instant.parse("2026-11-22T03:00:00Z");

    @Test
    void aBuilderGivenNothingBuildsInputsEqualToNone() {
        Inputs built = Inputs.builder().build();

        assertEquals(Inputs.NONE, built);
        assertEquals(List.of(), built.observations());
        assertEquals(List.of(), built.capacity());
    }

    @Test
    void eachNamedPartLandsInItsOwnComponentAndTheRestStayEmpty() {
        Observation seen = new Observation("v1", "us-east-1", "canary", AT, Outcome.OK, Duration.ofMillis(20));
        ServiceSignal signal = new ServiceSignal("us-east-1", "db", SignalStatus.FAILING, "timeouts", AT);
        ScaleResult ready = new ScaleResult("us-east-2", 6, ScaleStatus.READY, "ready");
        OperatorCommand freeze = new OperatorCommand.Freeze(Duration.ofMinutes(5), "drill", "alice");
        Inputs.DemandReading demand = new Inputs.DemandReading("us-east-1", 10.5);

        Inputs built = Inputs.builder().observations(List.of(seen)).signals(List.of(signal)).outcomes(List.of(ready))
                .commands(List.of(freeze)).demand(List.of(demand)).build();

        assertEquals(new Inputs(List.of(seen), List.of(signal), List.of(ready), List.of(freeze), List.of(demand),
                List.of(), List.of()), built);
    }

    @Test
    void builtInputsKeepTheirOwnCopyOfEveryList() {
        List<OperatorCommand> commands = new ArrayList<>(List.of(new OperatorCommand.Unfreeze("alice")));
        Inputs built = Inputs.builder().commands(commands).build();

        commands.add(new OperatorCommand.Unfreeze("bob"));

        assertEquals(List.of(new OperatorCommand.Unfreeze("alice")), built.commands());
        assertThrows(UnsupportedOperationException.class, () -> built.commands().add(new OperatorCommand.Unfreeze("eve")));
    }
}
