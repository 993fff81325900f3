package houston.app.lab;

import houston.app.config.HoustonConfigLoader;
import houston.core.model.LocationState;
import houston.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lab scenarios with short hold times (up-hold 4 s, fail-back steps every 2 s) so they fit in CI. */
// Bounds on how fast a lab evacuates: runs beside at most one other lab, never beside JVMs starting or a
// browser (lab-paced, the parent pom.xml).
@Tag("lab-paced")
class LabScenariosIT {

    @TempDir
    Path dir;

    private Lab lab;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        Path conf = dir.resolve("fast.conf");
        Files.writeString(conf, "houston.hysteresis.up-hold = 4s\nhouston.failback.step-hold = 2s\n");
        lab = Lab.start(HoustonConfigLoader.load(conf), 0, dir.resolve("journal"),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        Eventually.until("the lab's loop past tick 6", Duration.ofSeconds(20), () -> lab.daemon().loop().state().tick(),
                tick -> tick > 6);
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    private LocationState state(String id) {
        var s = lab.daemon().loop().state();
        return s.track(lab.world().settings().topology().indexOf(id)).state();
    }

    @Test
    void eightLocationsDeadOnEveryVantageAreAnOutageNotBrokenObservers() throws Exception {
        List<String> ids = new ArrayList<>(lab.world().settings().topology().ids()).subList(0, 8);
        for (String id : ids) {
            lab.world().fault(id, LabFault.parse("outage", null));
        }

        // Every vantage agrees and the other seven look fine everywhere: evacuated up to min-serving.
        Eventually.await("an evacuation", Duration.ofSeconds(20), () -> ids.stream()
                .anyMatch(id -> state(id) == LocationState.EVACUATED), () -> lab.daemon().loop().state().tracks().toString());

        assertFalse(lab.daemon().loop().state().failStatic());
    }

    @Test
    void twoVantagesPartitionedAtOnceMoveNoTrafficAndPage() throws Exception {
        lab.world().fault("vantage:lab-us-east", LabFault.parse("partition", null));
        lab.world().fault("vantage:lab-eu-west", LabFault.parse("partition", null));

        // Two observers calling everything bad against one calling it fine: the observers are suspect.
        Eventually.await("a fail-static page", Duration.ofSeconds(20),
                () -> console.toString(StandardCharsets.UTF_8).contains("ALERT fail static: "),
                () -> lab.daemon().loop().state().tracks().toString());
        Thread.sleep(3000);

        assertEquals(0, lab.daemon().loop().state().plan().generation());
    }

    @Test
    void aBrownoutBelowTheThresholdMovesNothing() throws Exception {
        lab.world().fault("eu-west-1", LabFault.parse("brownout", "20"));

        Thread.sleep(12_000);

        assertEquals(LocationState.HEALTHY, state("eu-west-1"));
        assertEquals(0, lab.daemon().loop().state().plan().generation());
    }

    @Test
    void aRecoveredLocationComesBackInStepsToHome() throws Exception {
        lab.world().fault("eu-central-1", LabFault.parse("outage", null));
        Eventually.until("eu-central-1 evacuated", Duration.ofSeconds(10), () -> state("eu-central-1"),
                LocationState.EVACUATED::equals);

        lab.world().fault("eu-central-1", LabFault.NONE);
        Eventually.until("eu-central-1 healthy again", Duration.ofSeconds(40), () -> state("eu-central-1"),
                LocationState.HEALTHY::equals);

        int l = lab.world().settings().topology().indexOf("eu-central-1");
        assertEquals(1.0, lab.daemon().loop().state().plan().fraction(l, l), 1e-9);
        String said = console.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("serving 25% of its catchment at home") && said.contains("serving 50%")
                && said.contains("eu-central-1 restored"), said);
    }
}
