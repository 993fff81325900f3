package houston.app.wiring;

import houston.app.config.DnsSettings;
import houston.app.config.HoustonSettings;
import houston.core.plan.FallbackReceivers;
import houston.dns.FileDnsSwitch;
import houston.dns.InMemoryDnsSwitch;
import houston.dns.WeightedRecordSwitch;
import houston.dns.records.PoolLayout;
import houston.dns.route53.Route53DnsSwitch;
import houston.dns.route53.Route53Zone;

import java.time.Clock;
import java.time.Duration;

/** Builds the configured DNS switch: memory, file or Route 53. */
public final class DnsSwitchFactory {

    private DnsSwitchFactory() {
    }

    /**
     * The pools as published. With a data-plane fallback configured, each pool at home also gives
     * its fallback receivers a floor weight: where Route 53 sends the catchment if the fallback
     * drops the home's records.
     */
    public static PoolLayout layout(HoustonSettings settings) {
        return new PoolLayout(settings.topology(), settings.dns().zone(), settings.dns().ttlSeconds(),
                settings.engine().dnsFallback().enabled()
                        ? new FallbackReceivers(settings.topology(), settings.engine().planner()) : null);
    }

    public static WeightedRecordSwitch create(HoustonSettings settings, Clock clock) {
        DnsSettings dns = settings.dns();
        PoolLayout layout = layout(settings);
        return switch (dns.provider()) {
            case "file" -> new FileDnsSwitch(dns.file(), layout, dns.switching(), clock);
            // Credentials: the AWS default chain (null asks the SDK for it).
            case "route53" -> new Route53DnsSwitch(new Route53Zone(dns.hostedZoneId(), dns.endpoint(), null), layout,
                    dns.switching());
            default -> new InMemoryDnsSwitch(layout, dns.switching(), clock, Duration.ZERO);
        };
    }
}
