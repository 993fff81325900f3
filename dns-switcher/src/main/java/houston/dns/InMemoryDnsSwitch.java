package houston.dns;

import houston.dns.records.PoolLayout;
import houston.dns.zone.InMemoryZone;

import java.time.Clock;
import java.time.Duration;

/** Traffic plans in memory, for the lab and tests; {@code propagation} delays INSYNC like a real zone. */
public final class InMemoryDnsSwitch extends WeightedRecordSwitch {

    private final InMemoryZone zone;

    public InMemoryDnsSwitch(PoolLayout layout, SwitchSettings settings, Clock clock, Duration propagation) {
        this(new InMemoryZone(clock, propagation), layout, settings);
    }

    /** A switch on a zone others write too (the lab's replicas share one zone, each with its own writer id). */
    public InMemoryDnsSwitch(InMemoryZone zone, PoolLayout layout, SwitchSettings settings) {
        super(zone, layout, settings);
        this.zone = zone;
    }

    /** The zone itself: its current records are what a resolver would answer. */
    public InMemoryZone zone() {
        return zone;
    }
}
