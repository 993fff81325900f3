package houston.sim;

import houston.core.config.EngineConfig;
import houston.core.config.ProbeConfig;
import houston.core.config.SafetyConfig;
import houston.core.model.CapacityModel;
import houston.core.model.GeoPoint;
import houston.core.model.Location;
import houston.core.model.Topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small world whose numbers are easy to follow: eight locations one degree apart on the equator. */
final class SimFixtures {

    /** 20:00 UTC: the daily peak at longitude 0. */
    static final Instant PEAK = Instant.parse("2026-11-27T20:00:00Z");

    private SimFixtures() {
    }

    /**
     * Eight locations, 800 rps peak demand each; 10 instances of 100 rps (1,000 rps at 100%,
     * 850 at target 0.85), up to 40, ready 60 s after a scale-up is asked.
     */
    static Topology topology() {
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            locations.add(new Location(String.format("loc-%02d", i), "loc " + i, new GeoPoint(0, i),
                    List.of("192.0.2." + (i + 1)), 800, new CapacityModel(10, 100, 1, 40, 0.85,
                    Duration.ofSeconds(60))));
        }
        return Topology.greatCircle(locations);
    }

    static HoustonSetup setup() {
        EngineConfig d = EngineConfig.defaults();
        // Eight locations: at least five keep serving their own catchment (the default 10 assumes fifteen).
        EngineConfig engine = new EngineConfig(d.health(), d.hysteresis(), d.failback(), d.planner(),
                new SafetyConfig(2, 0.3, 5, 2, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(30),
                        false));
        return new HoustonSetup(engine, ProbeConfig.defaults(), topology(), Duration.ofSeconds(1),
                Duration.ofMinutes(10), DnsApi.defaults());
    }

    static Scenario scenario(Duration length, List<Fault> faults, Objectives objectives) {
        return new Scenario("test", "", PEAK, length, 42, 0.4, 20, List.of(), faults, 0.01,
                TtlModel.defaults(Duration.ofSeconds(30)), Duration.ofSeconds(5), true, Route53Baseline.defaults(),
                objectives, Duration.ofSeconds(10), Duration.ofSeconds(30), 0.01, 2000);
    }

    static Fault fault(Fault.Kind kind, String target, int atSeconds, int lengthSeconds, double amount) {
        return new Fault(kind, target, Duration.ofSeconds(atSeconds), Duration.ofSeconds(lengthSeconds), amount);
    }
}
