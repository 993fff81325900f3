package houston.sim;

import java.util.Arrays;

/**
 * What happens later in a run: a DNS change going live, a scale-up becoming ready, a probe's answer
 * arriving. Each completion waits in a slot until the event queue reaches its time; a slot is reused
 * once its completion ran, so the slots stay as few as the completions ever pending at once (a boxed
 * map was a seventh of a drill's time).
 */
final class Completions {

    /** Slots are kept in the low 24 bits of an event; above that the queue holds the event's kind. */
    private static final int MAX_SLOT = 0xFFFFFF;

    private Runnable[] waiting = new Runnable[256];
    private int[] freeSlots = new int[256];
    private int freeCount;
    private int slotsUsed;

    /** Holds {@code completion} and returns the slot to push on the event queue with its time. */
    int hold(Runnable completion) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == waiting.length) {
                waiting = Arrays.copyOf(waiting, slotsUsed * 2);
                freeSlots = Arrays.copyOf(freeSlots, slotsUsed * 2);
            }
            slot = slotsUsed++;
        }
        if (slot > MAX_SLOT) {
            throw new IllegalStateException("more than 16M completions pending at once");
        }
        waiting[slot] = completion;
        return slot;
    }

    /** Runs the completion held in {@code slot} and frees the slot. */
    void run(int slot) {
        Runnable completion = waiting[slot];
        waiting[slot] = null;
        freeSlots[freeCount++] = slot;
        completion.run();
    }
}
