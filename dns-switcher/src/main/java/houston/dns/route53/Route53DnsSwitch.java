package houston.dns.route53;

import houston.dns.SwitchSettings;
import houston.dns.WeightedRecordSwitch;
import houston.dns.records.PoolLayout;

/** Traffic plans as Route 53 weighted records: {@link WeightedRecordSwitch} over a {@link Route53Zone}. */
public final class Route53DnsSwitch extends WeightedRecordSwitch {

    private final Route53Zone zone;

    public Route53DnsSwitch(Route53Zone zone, PoolLayout layout, SwitchSettings settings) {
        super(zone, layout, settings);
        this.zone = zone;
    }

    @Override
    public void close() {
        super.close();
        zone.close();
    }
}
