package houston.slack.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers messages to one channel without ever blocking the control loop: {@link #offer}
 * returns at once; one sender thread posts in order (so a thread's first message exists before
 * its replies). The first message of an incident starts its thread, later ones reply in it;
 * alerts go to the channel, and into the incident's thread too. Rate limits wait as long as Slack
 * says (Retry-After, at most {@code maxWait}); transient failures back off exponentially; after
 * {@code maxAttempts}, or at once for permanent errors, a message is given up — logged with its
 * text and counted, never dropped in silence. A full outbox refuses new messages the same way.
 * Every message is recorded in an {@link OutboxLedger} before {@link #offer} returns, and what the
 * ledger still owed at start is posted first: a message whose post was in flight when the process
 * died is posted again marked "(re-sent after a restart)", since chat.postMessage cannot be made
 * idempotent and Slack may or may not have it.
 */
public final class SlackOutbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    /** How the sender waits; tests pass a fake. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final SlackPoster poster;
    private final String channel;
    private final int maxAttempts;
    private final Duration backoff;
    private final Sleeper sleeper;
    private final BlockingQueue<Queued> queue;
    private final OutboxLedger ledger;
    private final IncidentThreads threads = new IncidentThreads();
    private final List<OutboxLedger.Owed> held = new java.util.ArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final Thread sender;
    private volatile boolean open = true;

    private record Queued(long id, SlackMessage message) {
    }

    public SlackOutbox(SlackPoster poster, String channel, int capacity, int maxAttempts, Duration backoff, Sleeper sleeper) {
        this(poster, channel, capacity, maxAttempts, backoff, sleeper, OutboxLedger.NONE);
    }

    /** As above, owing Slack what {@code ledger} recorded and posting first what it still owed at start. */
    public SlackOutbox(SlackPoster poster, String channel, int capacity, int maxAttempts, Duration backoff, Sleeper sleeper,
                       OutboxLedger ledger) {
        this(poster, channel, capacity, maxAttempts, backoff, sleeper, ledger, true);
    }

    /**
     * As above; with {@code postOwed} false what the ledger owed at start is not posted here but held
     * ({@link #heldOwed}) until it is {@link #handedOver} to another sender: a replica restarted as a
     * follower hands it to whoever leads, so one replica speaks for the incident.
     */
    public SlackOutbox(SlackPoster poster, String channel, int capacity, int maxAttempts, Duration backoff, Sleeper sleeper,
                       OutboxLedger ledger, boolean postOwed) {
        this.poster = poster;
        this.ledger = ledger;
        this.channel = channel;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
        List<OutboxLedger.Owed> owed = ledger.owed();
        this.queue = new ArrayBlockingQueue<>(capacity + owed.size());
        for (OutboxLedger.Owed o : owed) {
            SlackMessage m = o.maybePosted() ? o.message().resent() : o.message();
            if (postOwed) {
                queue.add(new Queued(o.id(), m));
            } else {
                held.add(new OutboxLedger.Owed(o.id(), m, o.maybePosted()));
            }
        }
        if (!owed.isEmpty()) {
            log.warn("Slack outbox: {} {} message(s) owed from before a restart ({} re-sent: their post was in flight)",
                    postOwed ? "posting" : "holding for the leader", owed.size(),
                    owed.stream().filter(OutboxLedger.Owed::maybePosted).count());
        }
        this.sender = new Thread(this::run, "houston-slack");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** What the ledger owed at start and this outbox holds instead of posting, oldest first (already marked re-sent). */
    public synchronized List<OutboxLedger.Owed> heldOwed() {
        return List.copyOf(held);
    }

    /** A held message is now another sender's to post: this outbox owes it no more. */
    public void handedOver(long id) {
        synchronized (this) {
            held.removeIf(o -> o.id() == id);
        }
        ledger.settled(id);
    }

    /** Queues a message; false (logged, counted) when the outbox is full or closed. */
    public boolean offer(SlackMessage m) {
        if (open) {
            long id = ledger.queued(m);
            if (queue.offer(new Queued(id, m))) {
                return true;
            }
            ledger.settled(id);
        }
        undelivered.incrementAndGet();
        log.error("Slack outbox {}: message not delivered: {}", open ? "full" : "closed", m.text());
        return false;
    }

    private void run() {
        while (open || !queue.isEmpty()) {
            try {
                Queued q = queue.poll(200, TimeUnit.MILLISECONDS);
                if (q != null) {
                    deliver(q.id(), q.message());
                    ledger.settled(q.id());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Whatever went wrong with one message (its ledger line, a listener), the next is still sent.
                failedAttempts.incrementAndGet();
                log.error("Slack outbox: a message failed unexpectedly ({}); it stays owed in the ledger", e.toString());
            }
        }
    }

    private void deliver(long id, SlackMessage m) throws InterruptedException {
        String thread = m.incident() == null ? null : threads.of(m.incident());
        if (m.alert() || thread == null) {
            String ts = send(id, m, null);
            if (ts != null && m.incident() != null && thread == null && !m.alert()) {
                threads.remember(m.incident(), ts);
            }
        }
        if (thread != null) {
            send(id, m, thread);
        }
    }

    private String send(long id, SlackMessage m, String threadTs) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            DeliveryException failed;
            try {
                ledger.posting(id);
                String ts = poster.post(channel, m.text(), m.blocks(), threadTs);
                delivered.incrementAndGet();
                return ts;
            } catch (DeliveryException e) {
                // Slack answered (or could not be reached): this post did not land. An alert's
                // channel post that did land before its thread reply is not marked as unposted.
                if (threadTs == null || !m.alert()) {
                    ledger.refused(id);
                }
                failed = e;
            } catch (RuntimeException e) {
                // A bug in the client or an answer it could not read: whether Slack took the post is
                // unknown, so the ledger keeps it in flight (re-sent marked after a restart), and here
                // it is retried as a transient failure rather than ending the sender thread.
                failedAttempts.incrementAndGet();
                log.warn("Slack post failed unexpectedly (attempt {} of {}): {}", attempt, maxAttempts, e.toString());
                failed = new DeliveryException(DeliveryException.Kind.TRANSIENT, Duration.ZERO, e.toString());
            }
            if (failed.kind() == DeliveryException.Kind.PERMANENT || attempt >= maxAttempts) {
                undelivered.incrementAndGet();
                log.error("Slack message not delivered after {} attempt(s) ({}): {}", attempt, failed.getMessage(), m.text());
                return null;
            }
            Duration wait = failed.kind() == DeliveryException.Kind.RATE_LIMITED ? failed.retryAfter()
                    : backoff.multipliedBy(1L << Math.min(10, attempt - 1));
            sleeper.sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
        }
    }

    /** Called (from the sender thread) with all known threads whenever a new incident thread starts. */
    public void onThreadsChanged(java.util.function.Consumer<Map<String, String>> listener) {
        threads.onChanged(listener);
    }

    /** Known incident threads (incident → thread ts), e.g. to keep across a restart. */
    public Map<String, String> threads() {
        return threads.all();
    }

    /** Threads known from before a restart, so an incident keeps its one thread. */
    public void restoreThreads(Map<String, String> known) {
        threads.restore(known);
    }

    public long delivered() {
        return delivered.get();
    }

    public long undelivered() {
        return undelivered.get();
    }

    /** Posts that failed with an unexpected exception from the poster (each logged, then retried). */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    public int queued() {
        return queue.size();
    }

    /**
     * Stops accepting, delivers what is queued (up to {@code within}), then stops. {@link Duration#ZERO}
     * waits for nothing: what was not delivered stays owed in the ledger, for the next start.
     */
    public void close(Duration within) throws InterruptedException {
        open = false;
        // Thread.join(0) would wait forever: zero (or less than a millisecond) means do not wait.
        if (within.toMillis() > 0) {
            sender.join(within.toMillis());
        }
        sender.interrupt();
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(10));
    }
}
