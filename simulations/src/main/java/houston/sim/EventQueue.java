package houston.sim;

import java.util.Arrays;

/**
 * The discrete-event clock: a binary min-heap of (time, sequence) keys with an int payload, so
 * that millions of probe events cost no allocation. Equal times pop in insertion order, which
 * keeps runs deterministic. push and pop are O(log n).
 */
final class EventQueue {

    private long[] times = new long[256];
    private long[] seqs = new long[256];
    private int[] payloads = new int[256];
    private int size;
    private long sequence;

    void push(long time, int payload) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        int i = size++;
        long seq = sequence++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, seq, times[parent], seqs[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = time;
        seqs[i] = seq;
        payloads[i] = payload;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest event. */
    long peekTime() {
        return times[0];
    }

    /** Removes the earliest event and returns its payload. */
    int pop() {
        int top = payloads[0];
        size--;
        long time = times[size];
        long seq = seqs[size];
        int payload = payloads[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(times[child + 1], seqs[child + 1], times[child], seqs[child])) {
                child++;
            }
            if (!before(times[child], seqs[child], time, seq)) {
                break;
            }
            move(child, i);
            i = child;
        }
        times[i] = time;
        seqs[i] = seq;
        payloads[i] = payload;
        return top;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        payloads[to] = payloads[from];
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}
