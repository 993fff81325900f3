package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.core.engine.DecisionKind;
import houston.core.model.LocationState;
import houston.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lab location flapping (10 s up, 10 s down) on the production hold times: its traffic moves away
 * once and stays away while it flaps. A class of its own, not a case of LabIT: at about a minute it
 * is the longest lab case, and alone it lets two JVMs share the lab ITs evenly.
 */
// Bounds on how fast a lab evacuates: runs beside at most one other lab, never beside JVMs starting or a
// browser (lab-paced, the parent pom.xml).
@Tag("lab-paced")
class LabFlappingIT {

    @TempDir
    Path journal;

    private Lab lab;

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    private LocationState state(String id) {
        return lab.daemon().loop().state().track(lab.world().settings().topology().indexOf(id)).state();
    }

    @Test
    void aFlappingLocationsTrafficMovesOnceAndStaysOutWhileItFlaps() throws Exception {
        lab = Lab.start(HoustonConfigLoader.load(null), 0, journal,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Eventually.until("the lab's loop past tick 6", Duration.ofSeconds(20), () -> lab.daemon().loop().state().tick(),
                tick -> tick > 6);

        assertEquals(200, LabFaultRequest.send(lab, "sa-east-1", "flap"));
        Eventually.until("sa-east-1 evacuated", Duration.ofSeconds(60), () -> state("sa-east-1"),
                LocationState.EVACUATED::equals);
        // Then two whole flap periods (10 s up, 10 s down each): each up half is the chance a flap would take
        // to bring traffic home, each down half the chance to move it away again. A third period repeats the
        // same chances (up-hold is 60 s, longer than any up half), so the case no longer sleeps 70 s from the fault.
        Thread.sleep(40_000);

        // Traffic moves are what must not flap. A decision for a degraded (not yet dead) location waits for
        // its receivers and is cancelled, moving nothing, if the location comes back first; whether that
        // happens depends on where in the flap cycle the fault starts, so decisions are not counted.
        // One evacuation may move in several shifts (what ready instances hold at once, the rest once the receivers
        // are ready, evacuees moved off a receiver the readings show filling): each moves users away. Only a fail-back
        // step or a restore brings users home, so a flap shows as one of those, or as home share in the plan.
        var about = lab.daemon().loop().recentDecisions().stream().filter(d -> d.location().equals("sa-east-1")).toList();
        String history = about.stream().map(d -> d.at() + " " + d.kind() + " " + d.summary()).toList().toString();
        long shifting = about.stream().filter(d -> d.kind() == DecisionKind.TRAFFIC_SHIFTING).count();
        long back = about.stream().filter(d -> d.kind() == DecisionKind.FAILBACK_STEP
                || d.kind() == DecisionKind.RESTORED).count();
        assertTrue(shifting >= 1, history);
        assertEquals(0, back, history);
        assertEquals(LocationState.EVACUATED, state("sa-east-1"));
        int home = lab.world().settings().topology().indexOf("sa-east-1");
        assertEquals(0.0, lab.daemon().loop().state().plan().row(home)[home], 1e-9, history);
    }
}
