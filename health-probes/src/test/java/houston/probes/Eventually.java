package houston.probes;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waits for something real servers do in their own time; fails the test after 15 s (or as long as given). */
public final class Eventually {

    private Eventually() {
    }

    public static void await(BooleanSupplier condition) throws InterruptedException {
        await(java.time.Duration.ofSeconds(15), condition);
    }

    /** As above, for what takes longer on its own (a JVM starting on a busy machine). */
    public static void await(java.time.Duration within, BooleanSupplier condition) throws InterruptedException {
        await(within, condition, () -> "");
    }

    /** As above, saying what was seen when the condition is not met. */
    public static void await(java.time.Duration within, BooleanSupplier condition,
                             java.util.function.Supplier<String> seen) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), () -> "condition not met within " + within.toSeconds() + " s " + seen.get());
    }
}
