package houston.ha;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import java.nio.charset.StandardCharsets;

/**
 * The leader epoch as a counter in a persistent znode. The election's own numbering cannot be the
 * epoch: its parent is a container znode, which ZooKeeper deletes once every election node is gone
 * (every replica's session expired), and the numbering then starts again at 0 below the epoch the
 * DNS fence still holds. This znode is never deleted, and each epoch is issued by a versioned
 * write, so two replicas that both believe they lead can never be issued the same number.
 */
public final class ZooKeeperEpoch implements AutoCloseable {

    private final CuratorFramework client;
    private final String path;
    private final CuratorCache cache;

    /** @param path e.g. {@code /houston/epoch}; the client is started by its owner */
    public ZooKeeperEpoch(CuratorFramework client, String path) {
        this.client = client;
        this.path = path;
        this.cache = CuratorCache.build(client, path, CuratorCache.Options.SINGLE_NODE_CACHE);
    }

    public void start() {
        cache.start();
    }

    /** Issues an epoch above every epoch issued before and above {@code floor}. */
    public long next(long floor) throws Exception {
        while (true) {
            Stat stat = new Stat();
            byte[] data;
            try {
                data = client.getData().storingStatIn(stat).forPath(path);
            } catch (KeeperException.NoNodeException e) {
                long first = floor + 1;
                try {
                    client.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT).forPath(path, encode(first));
                    return first;
                } catch (KeeperException.NodeExistsException raced) {
                    continue;
                }
            }
            long next = Math.max(decode(data), floor) + 1;
            try {
                client.setData().withVersion(stat.getVersion()).forPath(path, encode(next));
                return next;
            } catch (KeeperException.BadVersionException raced) {
                // Another replica was issued one in between: read again and go above it.
            }
        }
    }

    /** The last epoch issued, as the watch last saw it (0 before any). */
    public long issued() {
        return cache.get(path).map(d -> decode(d.getData())).orElse(0L);
    }

    private static byte[] encode(long epoch) {
        return Long.toString(epoch).getBytes(StandardCharsets.US_ASCII);
    }

    private static long decode(byte[] data) {
        return data == null || data.length == 0 ? 0 : Long.parseLong(new String(data, StandardCharsets.US_ASCII).trim());
    }

    @Override
    public void close() {
        cache.close();
    }
}
