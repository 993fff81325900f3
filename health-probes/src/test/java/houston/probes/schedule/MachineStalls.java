package houston.probes.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Records when this JVM was not running at all: a thread of its own wakes every few milliseconds and
 * notes the time, so a wake-up far later than asked is a stall of the whole JVM or machine (a
 * neighbouring fork, another build, a collection), which delays every probe alike. A probe start held
 * back by another probe shows as a gap this thread went on ticking through.
 */
final class MachineStalls implements AutoCloseable {

    private static final long TICK_MS = 5;
    /** A wake-up later than this after the previous one counts as a stall, all of it. */
    private static final long STALL_AFTER_MS = 50;

    private final List<long[]> stalls = new ArrayList<>();
    private final Thread watcher;
    private volatile boolean watching = true;

    MachineStalls() {
        watcher = new Thread(this::watch, "machine-stalls");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        long last = System.currentTimeMillis();
        while (watching) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.currentTimeMillis();
            if (now - last > STALL_AFTER_MS) {
                synchronized (stalls) {
                    stalls.add(new long[] {last, now});
                }
            }
            last = now;
        }
    }

    /** Milliseconds of {@code [from, to]} (epoch millis) the JVM spent stalled. */
    long within(long from, long to) {
        long stalled = 0;
        synchronized (stalls) {
            for (long[] s : stalls) {
                stalled += Math.max(0, Math.min(s[1], to) - Math.max(s[0], from));
            }
        }
        return stalled;
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        watcher.interrupt();
        watcher.join(1000);
    }
}
