package houston.sim;

import houston.core.config.EngineConfig;
import houston.core.config.ProbeConfig;
import houston.core.model.Topology;

import java.time.Duration;

/**
 * Houston as configured (the same config the daemon reads): its engine, its probes, its tick, its
 * topology, how its DNS adapter calls the provider, and the Route 53 health checks {@code dns init}
 * creates on {@code /v1/dns-health} for the health-endpoint fallback ({@code houston.dns.health-check}).
 */
public record HoustonSetup(EngineConfig engine, ProbeConfig probes, Topology topology, Duration tick,
                           Duration scaleReadyTimeout, DnsApi dnsApi, Duration checkInterval,
                           int checkFailureThreshold) {

    /** With the health checks config/houston.conf ships: fast (10 s), one failure. */
    public HoustonSetup(EngineConfig engine, ProbeConfig probes, Topology topology, Duration tick,
                        Duration scaleReadyTimeout, DnsApi dnsApi) {
        this(engine, probes, topology, tick, scaleReadyTimeout, dnsApi, Duration.ofSeconds(10), 1);
    }
}
