package houston.core.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How far a receiver's ready instances are filled while it scales, by how bad the evacuee is. */
class CapacityModelTest {

    // 10 instances of 100 rps at target 0.5; at most 12 instances (600 rps at target).
    private final CapacityModel model = new CapacityModel(10, 100, 1, 12, 0.5, Duration.ofSeconds(60));

    @Test
    void aDeadEvacueeFillsReadyInstancesToTheInterimCeilingWithinTheMaximum() {
        assertEquals(600, model.rpsWhileScaling(10, 1), 1e-9);
        assertEquals(450, model.rpsWhileScaling(5, 1), 1e-9);
        assertEquals(model.rpsWhileScaling(5), model.rpsWhileScaling(5, 1), 1e-9);
    }

    @Test
    void aDegradedEvacueeFillsThemInProportionFromTargetTowardsTheCeiling() {
        assertEquals(250, model.rpsWhileScaling(5, 0), 1e-9);
        assertEquals(300, model.rpsWhileScaling(5, 0.25), 1e-9);
        assertEquals(250, model.rpsWhileScaling(5, -1), 1e-9);
    }
}
