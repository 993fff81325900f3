package houston.ha;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shared state in ZooKeeper: one znode holding the {@link HaSnapshot} as JSON (well under
 * ZooKeeper's 1 MB limit: overrides and incidents, never the journal), and a queue of operator
 * commands that reached a follower, and the Slack messages a restarted replica owed, for the leader
 * to post ({@link SharedSlackOwed}). The leader's writes are fenced: each is a transaction that
 * first checks that its own election node still exists, so a leader whose session is gone can
 * no longer write. Every replica watches the snapshot (a {@link CuratorCache}) for its status page.
 */
public final class ZooKeeperSharedState implements SharedSlackOwed, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZooKeeperSharedState.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final CuratorFramework client;
    private final String statePath;
    private final String commandsPath;
    private final String slackOwedPath;
    private final CuratorCache cache;

    /** @param root e.g. {@code /houston}; the client is started by its owner */
    public ZooKeeperSharedState(CuratorFramework client, String root) {
        this.client = client;
        this.statePath = root + "/state";
        this.commandsPath = root + "/commands";
        this.slackOwedPath = root + "/slack-owed";
        this.cache = CuratorCache.build(client, statePath, CuratorCache.Options.SINGLE_NODE_CACHE);
    }

    public void start() {
        cache.start();
    }

    /** The snapshot as ZooKeeper holds it now (a takeover reads it here, not from the cache). */
    public HaSnapshot read() throws Exception {
        if (client.checkExists().forPath(statePath) == null) {
            return HaSnapshot.EMPTY;
        }
        client.sync().forPath(statePath);
        return decode(client.getData().forPath(statePath));
    }

    /** The snapshot as last seen by the watch; EMPTY before the first. */
    public HaSnapshot cached() {
        return cache.get(statePath).map(d -> decode(d.getData())).orElse(HaSnapshot.EMPTY);
    }

    /** A command a follower queued for the leader: its znode name and the command. */
    public record Queued(String id, Map<String, Object> command) {
    }

    /** Writes {@code snapshot} fenced, consuming no queued command. */
    public boolean write(HaSnapshot snapshot, String fencePath) throws Exception {
        return write(snapshot, fencePath, List.of());
    }

    /**
     * Writes {@code snapshot} and deletes the queued commands {@code applied} (their effect is in
     * the snapshot) if {@code fencePath} (the writer's election node) still exists, in one
     * transaction: a command leaves the queue exactly when its effect reaches the shared state, so
     * a leader that dies between applying a command and writing it leaves it to the next leader.
     * Returns false when the fence is gone: the writer is no longer leader.
     */
    public boolean write(HaSnapshot snapshot, String fencePath, Collection<String> applied) throws Exception {
        byte[] bytes = JSON.writeValueAsBytes(snapshot);
        if (client.checkExists().forPath(statePath) == null) {
            try {
                client.create().creatingParentsIfNeeded().forPath(statePath, new byte[0]);
            } catch (KeeperException.NodeExistsException raced) {
                // Another leader created it first: the fenced write below decides.
            }
        }
        List<CuratorOp> ops = new ArrayList<>();
        ops.add(client.transactionOp().check().forPath(fencePath));
        ops.add(client.transactionOp().setData().forPath(statePath, bytes));
        for (String id : applied) {
            ops.add(client.transactionOp().delete().forPath(commandsPath + "/" + id));
        }
        try {
            client.transaction().forOperations(ops);
            return true;
        } catch (KeeperException.NoNodeException gone) {
            if (client.checkExists().forPath(fencePath) == null) {
                log.warn("shared state not written: election node {} is gone (no longer leader)", fencePath);
                return false;
            }
            // A command already consumed by an earlier write of this leader: write without it.
            List<String> still = new ArrayList<>();
            for (String id : applied) {
                if (client.checkExists().forPath(commandsPath + "/" + id) != null) {
                    still.add(id);
                }
            }
            return still.size() < applied.size() && write(snapshot, fencePath, still);
        }
    }

    /** A follower hands an operator command to the leader: queued, applied once by whoever leads. */
    public void submit(Map<String, Object> command) throws Exception {
        client.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT_SEQUENTIAL)
                .forPath(commandsPath + "/command-", JSON.writeValueAsBytes(command));
    }

    /**
     * The queued commands, oldest first, left in the queue: the leader applies them and names them
     * in the {@link #write(HaSnapshot, String, Collection) write} that holds their effect.
     */
    public List<Queued> pending() throws Exception {
        if (client.checkExists().forPath(commandsPath) == null) {
            return List.of();
        }
        List<Queued> queued = new ArrayList<>();
        for (String child : new TreeSet<>(client.getChildren().forPath(commandsPath))) {
            try {
                byte[] data = client.getData().forPath(commandsPath + "/" + child);
                queued.add(new Queued(child, JSON.readValue(data, new TypeReference<Map<String, Object>>() { })));
            } catch (KeeperException.NoNodeException consumed) {
                // Written into a snapshot between the listing and the read.
            }
        }
        return queued;
    }

    @Override
    public void owe(String name, Map<String, Object> message) throws Exception {
        try {
            client.create().creatingParentsIfNeeded().forPath(slackOwedPath + "/" + name, JSON.writeValueAsBytes(message));
        } catch (KeeperException.NodeExistsException handedOverBefore) {
            // The replica died after handing it over and before settling it in its ledger: owed once.
        }
    }

    @Override
    public List<Owed> owedPosts() throws Exception {
        if (client.checkExists().forPath(slackOwedPath) == null) {
            return List.of();
        }
        List<Owed> owed = new ArrayList<>();
        for (String child : client.getChildren().forPath(slackOwedPath)) {
            try {
                byte[] data = client.getData().forPath(slackOwedPath + "/" + child);
                owed.add(new Owed(child, JSON.readValue(data, new TypeReference<Map<String, Object>>() { })));
            } catch (KeeperException.NoNodeException taken) {
                // Taken by the leader between the listing and the read.
            }
        }
        // Oldest first: by when each was handed over, then in its replica's own order.
        owed.sort(java.util.Comparator.comparingLong((Owed o) -> number(o, "handedOverAt"))
                .thenComparingLong(o -> number(o, "id")).thenComparing(Owed::name));
        return owed;
    }

    private static long number(Owed o, String field) {
        return o.message().get(field) instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public void taken(String name) throws Exception {
        try {
            client.delete().forPath(slackOwedPath + "/" + name);
        } catch (KeeperException.NoNodeException already) {
            // Taken before (by this leader or the one before it).
        }
    }

    private static HaSnapshot decode(byte[] data) {
        if (data == null || data.length == 0) {
            return HaSnapshot.EMPTY;
        }
        try {
            return JSON.readValue(data, HaSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable shared state: " + new String(data, StandardCharsets.UTF_8), e);
        }
    }

    @Override
    public void close() {
        cache.close();
    }
}
