package houston.app.demand;

import houston.core.engine.Inputs.CapacityReading;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadyInstancesPollerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final long NOW = CLOCK.millis();

    private final Deque<Object> answers = new ArrayDeque<>();
    private final ReadyInstancesPoller poller = new ReadyInstancesPoller(now -> {
        Object next = answers.removeFirst();
        if (next instanceof RuntimeException e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<CapacityReading> readings = (List<CapacityReading>) next;
        return readings.stream().map(r -> new CapacityReading(r.location(), r.instances(), now)).toList();
    }, null, Duration.ofSeconds(5), CLOCK);

    @Test
    void eachLocationsNewestReadingIsHandedOnOnceStampedWithTheReadTime() {
        answers.add(List.of(new CapacityReading("us-east-2", 300), new CapacityReading("us-west-2", 120)));
        answers.add(List.of(new CapacityReading("us-east-2", 320)));

        poller.readOnce();
        poller.readOnce();

        assertEquals(List.of(new CapacityReading("us-east-2", 320, NOW), new CapacityReading("us-west-2", 120, NOW)),
                poller.readings());
        assertEquals(List.of(), poller.readings());
    }

    @Test
    void aFailedReadGivesNoNewReadingAndTheNextOneIsReadAgain() {
        answers.add(new IllegalStateException("Kubernetes API 503"));
        answers.add(List.of(new CapacityReading("us-east-2", 300)));

        poller.readOnce();
        List<CapacityReading> afterFailure = poller.readings();
        poller.readOnce();

        assertEquals(List.of(), afterFailure);
        assertEquals(List.of(new CapacityReading("us-east-2", 300, NOW)), poller.readings());
    }
}
