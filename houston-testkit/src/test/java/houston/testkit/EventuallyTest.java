package houston.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventuallyTest {

    @Test
    void returnsTheFirstValueThatIsDoneWithoutWaitingForTheDeadline() throws Exception {
        AtomicInteger polls = new AtomicInteger();

        int seen = Eventually.until("the third poll", Duration.ofSeconds(30), polls::incrementAndGet, n -> n >= 3);

        assertEquals(3, seen);
        assertEquals(3, polls.get());
    }

    @Test
    void aWaitThatTimesOutSaysWhatItAwaitedTheLastValueAndHowLong() {
        AtomicInteger polls = new AtomicInteger();

        AssertionError failed = assertThrows(AssertionError.class, () -> Eventually.until("the generation to reach 99",
                Duration.ofMillis(200), () -> "generation " + polls.incrementAndGet(), s -> s.equals("generation 99")));

        assertTrue(failed.getMessage().startsWith("awaited the generation to reach 99: not within 200 ms (waited "),
                failed.getMessage());
        assertTrue(failed.getMessage().endsWith("ms); last seen: generation " + polls.get()), failed.getMessage());
    }

    @Test
    void aPollThatThrowsCountsAsNotYetAndTheLastErrorIsReportedAsTheCause() throws Exception {
        AtomicInteger polls = new AtomicInteger();

        String answered = Eventually.until("the server to answer", Duration.ofSeconds(30), () -> {
            if (polls.incrementAndGet() < 3) {
                throw new IOException("connection refused");
            }
            return "up";
        }, "up"::equals);
        AssertionError failed = assertThrows(AssertionError.class, () -> Eventually.until("a server that never answers",
                Duration.ofMillis(100), () -> {
                    throw new IOException("connection refused");
                }, s -> true));

        assertEquals("up", answered);
        assertTrue(failed.getMessage().endsWith("last seen: polling threw java.io.IOException: connection refused"),
                failed.getMessage());
        assertInstanceOf(IOException.class, failed.getCause());
    }

    @Test
    void stopsWaitingOnceItIsNoLongerWorthItLongBeforeTheDeadline() {
        long started = System.nanoTime();

        AssertionError failed = assertThrows(AssertionError.class, () -> Eventually.within(Duration.ofSeconds(60))
                .whileTrue(() -> false).showing(() -> "exit 1: address in use")
                .until("a port from a dead process", () -> "no port yet", s -> false));

        assertTrue(failed.getMessage().startsWith("awaited a port from a dead process: stopped waiting: no longer worth it"),
                failed.getMessage());
        assertTrue(failed.getMessage().endsWith("last seen: no port yet\nexit 1: address in use"), failed.getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(30).toNanos());
    }

    @Test
    void aBooleanWaitNamesTheTestLineThatWaitedAndWhatWasSeen() {
        AssertionError failed = assertThrows(AssertionError.class,
                () -> Eventually.await(Duration.ofMillis(100), () -> false, () -> "state SUSPECT"));

        assertTrue(failed.getMessage().startsWith("awaited the condition at EventuallyTest.java:"), failed.getMessage());
        assertTrue(failed.getMessage().endsWith("last seen: false\nstate SUSPECT"), failed.getMessage());
    }

    @Test
    void aResultThatNeverComesFailsNamingTheWait() throws Exception {
        java.util.concurrent.CompletableFuture<String> never = new java.util.concurrent.CompletableFuture<>();

        AssertionError failed = assertThrows(AssertionError.class, () -> Eventually.result(never, Duration.ofMillis(50)));

        assertTrue(failed.getMessage().startsWith("awaited the result of "), failed.getMessage());
        assertTrue(failed.getMessage().endsWith(": not within 50 ms"), failed.getMessage());
        assertEquals("done", Eventually.result(java.util.concurrent.CompletableFuture.completedFuture("done"),
                Duration.ofMillis(50)));
    }
}
