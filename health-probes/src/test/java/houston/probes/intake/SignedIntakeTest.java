package houston.probes.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class SignedIntakeTest {

    @Test
    void everyResultIsCountedFromZeroBeforeTheFirstRequest() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HmacAuth auth = new HmacAuth("signed-intake-test-secret".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(60),
                Clock.systemUTC(), 10);

        new SignedIntake("observations", auth, body -> 0, registry);

        for (String result : new String[] {"accepted", "unauthorized", "forbidden", "too_large", "bad_request"}) {
            Counter c = registry.find("houston.intake.requests").tags("endpoint", "observations", "result", result).counter();
            assertNotNull(c, result);
            assertEquals(0.0, c.count(), result);
        }
    }
}
