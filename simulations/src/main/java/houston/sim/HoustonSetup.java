package houston.sim;

import houston.core.config.EngineConfig;
import houston.core.config.ProbeConfig;
import houston.core.model.Topology;

import java.time.Duration;

/**
 * Houston as configured (the same config the daemon reads): its engine, its probes, its tick, its
 * topology, and how its DNS adapter calls the provider.
 */
public record HoustonSetup(EngineConfig engine, ProbeConfig probes, Topology topology, Duration tick,
                           Duration scaleReadyTimeout, DnsApi dnsApi) {
}
