package houston.dns;

import houston.dns.zone.InMemoryZone;

import java.time.Clock;
import java.time.Duration;

class InMemoryDnsSwitchTest extends DnsSwitchContract {

    private final InMemoryZone zone = new InMemoryZone(Clock.systemUTC(), Duration.ZERO);

    @Override
    protected InMemoryZone zone() {
        return zone;
    }

    @Override
    protected WeightedRecordSwitch newSwitch(String writer, int maxAttempts) {
        return new WeightedRecordSwitch(zone, LAYOUT, settings(writer, maxAttempts));
    }
}
