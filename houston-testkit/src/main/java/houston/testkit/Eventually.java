package houston.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what real servers and processes do in their own time: polls until a condition holds
 * or a deadline passes. A wait that fails says what it waited for, the last value it saw (or what
 * the last poll threw) and how long it waited, so a flaky IT can be read from its report alone.
 * <pre>{@code
 * Eventually.until("us-east-1 evacuated", Duration.ofSeconds(10), () -> stateOf("us-east-1"), "evacuated"::equals);
 * Eventually.within(Duration.ofSeconds(30)).whileTrue(daemon::alive).showing(daemon::output)
 *         .until("/readyz 200", () -> status(readyz), s -> s == 200);
 * }</pre>
 */
public final class Eventually {

    /** How long a wait lasts unless told: generous, for a busy 2-core machine running ITs side by side. */
    public static final Duration DEFAULT = Duration.ofSeconds(15);
    private static final long POLL_EVERY_MS = 20;

    /** What is read each time round. It may throw (a server not listening yet): that counts as "not yet". */
    @FunctionalInterface
    public interface Poll<T> {
        T get() throws Exception;
    }

    private final Duration within;
    private final BooleanSupplier worthWaiting;
    private final Supplier<String> context;

    private Eventually(Duration within, BooleanSupplier worthWaiting, Supplier<String> context) {
        this.within = within;
        this.worthWaiting = worthWaiting;
        this.context = context;
    }

    /** A wait of at most {@code within}; refine it, then call {@link #until} or {@link #await(String, BooleanSupplier)}. */
    public static Eventually within(Duration within) {
        return new Eventually(within, () -> true, () -> "");
    }

    /** Stops waiting as soon as {@code worthWaiting} turns false (the process that was to answer exited). */
    public Eventually whileTrue(BooleanSupplier worthWaiting) {
        return new Eventually(within, worthWaiting, context);
    }

    /** Appends {@code context} (a process's output, a server's status) to the failure. */
    public Eventually showing(Supplier<String> context) {
        return new Eventually(within, worthWaiting, () -> "\n" + context.get());
    }

    public static void await(BooleanSupplier condition) throws InterruptedException {
        await(DEFAULT, condition);
    }

    /** As above, for what takes longer on its own (a JVM starting on a busy machine). */
    public static void await(Duration within, BooleanSupplier condition) throws InterruptedException {
        await(within, condition, () -> "false");
    }

    /** As above, saying what was seen when the condition is not met. */
    public static void await(Duration within, BooleanSupplier condition, Supplier<String> seen)
            throws InterruptedException {
        await(caller(), within, condition, seen);
    }

    /** As above, naming what is awaited. */
    public static void await(String what, Duration within, BooleanSupplier condition, Supplier<String> seen)
            throws InterruptedException {
        within(within).showing(seen).await(what, condition);
    }

    /** Polls until {@code done} accepts a value, and returns that value. */
    public static <T> T until(String what, Duration within, Poll<T> poll, Predicate<? super T> done)
            throws InterruptedException {
        return within(within).until(what, poll, done);
    }

    /**
     * The result of {@code stage} (an adapter's call to a server), waiting at most {@code within}; a
     * stage that fails throws its {@link java.util.concurrent.ExecutionException}.
     */
    public static <T> T result(CompletionStage<T> stage, Duration within) throws Exception {
        try {
            return stage.toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("awaited the result of " + stage + ": not within " + within.toMillis() + " ms", e);
        }
    }

    /** Waits until {@code condition} holds. */
    public void await(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition::getAsBoolean, Boolean.TRUE::equals);
    }

    /** Polls until {@code done} accepts a value, and returns that value. */
    public <T> T until(String what, Poll<T> poll, Predicate<? super T> done) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + within.toNanos();
        Object last = null;
        Exception failed = null;
        boolean worth = true;
        while (true) {
            try {
                T value = poll.get();
                if (done.test(value)) {
                    return value;
                }
                last = value;
                failed = null;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failed = e;
            }
            if (!worth || System.nanoTime() >= deadline) {
                break;
            }
            worth = worthWaiting.getAsBoolean(); // polled once more after it turns false: it may have answered first
            Thread.sleep(POLL_EVERY_MS);
        }
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        String why = worth ? "not within " + within.toMillis() + " ms" : "stopped waiting: no longer worth it";
        String lastSeen = failed != null ? "polling threw " + failed : String.valueOf(last);
        throw new AssertionError("awaited " + what + ": " + why + " (waited " + waitedMs + " ms); last seen: "
                + lastSeen + context.get(), failed);
    }

    /** The test line that waited, to name a wait the caller did not describe. */
    private static String caller() {
        Optional<StackWalker.StackFrame> frame = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Eventually.class.getName())).findFirst());
        return frame.map(f -> "the condition at " + f.getFileName() + ":" + f.getLineNumber()).orElse("a condition");
    }
}
