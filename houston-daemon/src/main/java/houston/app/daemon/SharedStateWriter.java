package houston.app.daemon;

import houston.core.engine.EngineState;
import houston.core.engine.OperatorCommand;
import houston.ha.CuratorLeadership;
import houston.ha.HaSnapshot;
import houston.ha.WarmTakeover;
import houston.ha.ZooKeeperSharedState;
import houston.slack.notify.SlackOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The replica's writes to the shared state in ZooKeeper, on a thread of its own so that a tick never
 * waits for ZooKeeper. Every command, the leader's own too, is queued there first: accepted means
 * queued where any next leader finds it. While leading, the overrides, open incidents, Slack threads,
 * checkpoint and data-plane fallback are written as one {@link HaSnapshot} after every tick that
 * changed them, fenced on the leader's election node, and the queued commands are consumed only with
 * the snapshot that holds their effect.
 */
final class SharedStateWriter implements AutoCloseable {

    // Logged as the replication it belongs to: operators and the failover tests filter the log by that name.
    private static final Logger log = LoggerFactory.getLogger(Replication.class);

    private final String replica;
    private final Clock clock;
    private final ZooKeeperSharedState shared;
    private final CuratorLeadership leadership;
    private final ExecutorService writer;
    private final SharedCommandQueue queue = new SharedCommandQueue();
    private ControlLoop loop;
    private SlackOutbox outbox;
    private SlackHandOver slack;
    private final java.util.concurrent.atomic.AtomicBoolean handingOver = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long since;
    private volatile HaSnapshot written;

    SharedStateWriter(String replica, Clock clock, ZooKeeperSharedState shared, CuratorLeadership leadership) {
        this.replica = replica;
        this.clock = clock;
        this.shared = shared;
        this.leadership = leadership;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "houston-ha-state");
            t.setDaemon(true);
            return t;
        });
    }

    /** @param slack the Slack outbox whose incident threads are shared (null: console) */
    void start(ControlLoop controlLoop, SlackOutbox slack) {
        this.loop = controlLoop;
        this.outbox = slack;
        this.slack = slack == null ? null : new SlackHandOver(replica, shared, slack, clock);
    }

    /**
     * On the loop thread, every replica: hands the Slack messages its outbox owed from before its restart
     * to whoever leads (once connected; one attempt at a time, tried again after the next tick).
     */
    void handOverOwed() {
        if (slack == null || !slack.holding() || !leadership.connection().equals("CONNECTED")
                || !handingOver.compareAndSet(false, true)) {
            return;
        }
        writer.execute(() -> {
            try {
                slack.handOver();
            } catch (Exception e) {
                log.warn("Slack messages owed from before the restart not handed to the leader yet: {}", e.toString());
            } finally {
                handingOver.set(false);
            }
        });
    }

    /** Queues {@code c} in ZooKeeper (on the writer thread): the leader takes it from there. */
    void submit(OperatorCommand c) {
        writer.execute(() -> queue(c));
    }

    private void queue(OperatorCommand c) {
        Map<String, Object> command = SharedCommandQueue.stamped(c, clock.millis(),
                loop.engine().config().safety().defaultOverride());
        try {
            shared.submit(command);
        } catch (Exception e) {
            if (leadership.acting()) {
                log.warn("command not queued in ZooKeeper ({}); applied here, kept in the next snapshot: {}", e, command);
                loop.commandHere(c);
            } else {
                log.error("command LOST: ZooKeeper unreachable from this follower ({}); send it again: {}", e, command);
            }
        }
    }

    /** A new term begins or ends: commands handed out in the last one are no longer this replica's to consume. */
    void forget() {
        writer.execute(queue::forget);
    }

    /** A takeover's first snapshot, written at once: the takeover fails unless this replica still leads. */
    void writeTakeover(EngineState state, Instant now, long epoch, Map<String, String> threads) throws Exception {
        since = now.toEpochMilli();
        HaSnapshot mine = snapshot(state, now, epoch, threads);
        if (!shared.write(mine, leadership.fencePath())) {
            throw new IllegalStateException("shared state not written: no longer leader");
        }
        written = mine;
    }

    /** On the loop thread, while leading: hand the new state to the writer thread, which never blocks a tick. */
    void afterTick(EngineState state) {
        long epoch = leadership.epoch();
        String fence = leadership.fencePath();
        List<OperatorCommand> appliedNow = loop.appliedCommands();
        Instant at = loop.lastTickAt();
        writer.execute(() -> {
            try {
                queue.applied(appliedNow);
                HaSnapshot last = written;
                HaSnapshot now = snapshot(state, at, epoch, last == null ? Map.of() : last.threads());
                // Rewritten when something but its tick time changed: the time alone is no news.
                if ((last == null || !now.equals(sameTick(last, at)) || queue.unwritten())
                        && shared.write(now, fence, queue.toConsume())) {
                    written = now;
                    queue.written();
                }
                queue.handOut(shared.pending(), loop::commandHere, clock.millis());
                if (slack != null) {
                    slack.postHandedOver();
                }
            } catch (Exception e) {
                log.warn("shared state not updated: {}", e.toString());
            }
        });
    }

    private HaSnapshot snapshot(EngineState state, Instant at, long epoch, Map<String, String> knownThreads) {
        Map<String, String> threads = new HashMap<>(knownThreads);
        if (outbox != null) {
            threads.putAll(outbox.threads());
        }
        return new HaSnapshot(replica, epoch, since, at.toEpochMilli(), state.overrides(),
                WarmTakeover.incidents(loop.engine(), state), threads, state.plan().generation(), state.liveGeneration(),
                state.plan().toMap(), state.dnsFallback().live(), state.dnsFallback().failingSince(), confirmedRows(state));
    }

    private static HaSnapshot sameTick(HaSnapshot s, Instant at) {
        return new HaSnapshot(s.leader(), s.epoch(), s.since(), at.toEpochMilli(), s.overrides(), s.incidents(), s.threads(),
                s.generation(), s.liveGeneration(), s.rows(), s.fallback(), s.failingSince(), s.liveRows());
    }

    /** The rows DNS holds at the live generation, when the engine knows them (empty otherwise). */
    private static Map<String, Map<String, Double>> confirmedRows(EngineState state) {
        houston.core.model.TrafficPlan inDns = state.dnsFallback().inDns();
        return inDns != null && inDns.generation() == state.liveGeneration() ? inDns.toMap() : Map.of();
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            // A snapshot write still queued would otherwise run on a closed client and log that it failed.
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
