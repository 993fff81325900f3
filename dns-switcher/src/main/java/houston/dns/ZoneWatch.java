package houston.dns;

import houston.core.engine.Inputs.ControlPlaneReading;
import houston.core.port.ControlPlaneWatch;
import houston.dns.zone.ZoneException;
import houston.dns.zone.ZoneStore;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The control-plane watch on a {@link ZoneStore}: {@link ZoneStore#readControlPlane()} once per
 * read, on a thread of its own (a publish retrying for a minute on the switch's thread must not
 * hold the watch back, nor a watch read delay a publish), one attempt, its error kept as the
 * reading's detail.
 */
public final class ZoneWatch implements ControlPlaneWatch, AutoCloseable {

    private final ZoneStore zone;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "houston-dns-watch");
        t.setDaemon(true);
        return t;
    });

    public ZoneWatch(ZoneStore zone) {
        this.zone = zone;
    }

    @Override
    public CompletionStage<ControlPlaneReading> read(long atMs) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                zone.readControlPlane();
                return new ControlPlaneReading(atMs, true, "");
            } catch (ZoneException e) {
                return new ControlPlaneReading(atMs, false, e.kind().name().toLowerCase() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                return new ControlPlaneReading(atMs, false, String.valueOf(e.getMessage()));
            }
        }, thread);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
