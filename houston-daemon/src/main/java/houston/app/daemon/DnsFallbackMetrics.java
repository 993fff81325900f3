package houston.app.daemon;

import houston.core.model.Topology;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

/**
 * Whether the DNS data plane moves traffic, read from the engine's state when Prometheus scrapes:
 * without them only /v1/status said that Route 53's API had been failing long enough for
 * Houston to drop a location's records through health checks or routing controls.
 * <ul>
 *   <li>{@code houston_dns_fallback_engaged{location}} — 1 while the data plane holds the location
 *       out, 0 otherwise; every location from the start, so an alert sees the first change</li>
 *   <li>{@code houston_dns_publish_failing_seconds} — how long publishes have failed without one
 *       confirmed in between (0: the last publish that ended did not fail)</li>
 *   <li>{@code houston_dns_control_plane_watch_failing_seconds} — how long the control-plane
 *       watch's reads have failed (0: its last read was answered, or no watch runs); apart from
 *       the publishes' gauge, since a read answered does not clear a failing publish</li>
 * </ul>
 */
final class DnsFallbackMetrics {

    private DnsFallbackMetrics() {
    }

    static void bind(MeterRegistry registry, ControlLoop loop, Clock clock) {
        Topology t = loop.engine().topology();
        for (String id : t.ids()) {
            Gauge.builder("houston.dns.fallback.engaged", loop, x -> x.state().dnsFallback().live().contains(id) ? 1 : 0)
                    .description("1 while the DNS data-plane fallback holds the location out").tag("location", id)
                    .register(registry);
        }
        Gauge.builder("houston.dns.publish.failing", loop, x -> seconds(x.state().dnsFallback().failingSince(), clock))
                .baseUnit("seconds").description("How long DNS publishes have been failing (0: not failing)")
                .register(registry);
        Gauge.builder("houston.dns.control.plane.watch.failing", loop,
                        x -> seconds(x.state().dnsFallback().watchFailingSince(), clock)).baseUnit("seconds")
                .description("How long the DNS control-plane watch's reads have been failing (0: not failing)")
                .register(registry);
    }

    private static double seconds(long since, Clock clock) {
        return since == 0 ? 0 : Math.max(0, clock.millis() - since) / 1000.0;
    }
}
