package houston.app.config;

import houston.sim.Drill;
import houston.sim.DrillResult;
import houston.sim.KpiTable;
import houston.sim.RunResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drills in config/drills/unrehearsed: failures the shipped drills do not cover, judged by
 * their objectives (every one asks for zero receiver overload, zero false evacuations and no more
 * failed requests than the better Route 53 baseline, 2× fewer where a baseline acts or 2× fewer
 * above the DNS bound). Every drill must meet them, except the known gaps below: each is named
 * with what Houston still loses, runs and reports like the others, and is skipped (not passed)
 * while it misses. A known gap that starts meeting its objectives fails, so the list cannot go stale.
 */
// Each drill is an independent simulation (pure, seeded, CPU-bound): they run side by side.
@Execution(ExecutionMode.CONCURRENT)
class UnrehearsedDrillsTest {

    private static final Path DRILLS = Path.of("..", "config", "drills", "unrehearsed");

    /** Drills Houston still loses, and why: docs/drills.md's drill table has their figures. */
    private static final Map<String, String> KNOWN_GAPS = Map.of(
            "dns-api-down-during-double-failure.conf", "the API goes down 3 min before eu-central-1 dies and its floor "
                    + "receivers need 4-5 min to grow (from the watch's first failed read): its drop waits for them "
                    + "rather than overload them, while route53-fast overloads them instead (21.6M vs 21.8M)",
            "eu-central-1-outage-under-95-percent-dns-throttle.conf", "on the shipped default fallback = none "
                    + "only the weights move traffic, and at a 95% throttle each plan generation's change gets "
                    + "through 23% of publishes while the baselines' health checks need no API call: 1.3x "
                    + "route53-fast on this seed (0.6x to 2.3x over 15 seeds with the old 30 s retry cap); with the data-plane fallback on it "
                    + "is met (the -with-fallback drill)",
            "us-east-1-outage-dns-api-down-scaler-failing.conf", "the DNS API is down and the scaler fails, so "
                    + "the data-plane floors cannot grow: the dead location's drop waits prescale-timeout (5 min) "
                    + "for them, then overloads them (1565 s, route53-fast 1805 s); 77.9M failed requests against "
                    + "route53-fast's 145.1M (1.9x, 214.6M before the wait was bounded)",
            // The next two: a catchment ramping within a minute onto receivers that cannot grow. Demand is read
            // as a 1-minute rate every 15 s (about 30 s behind), a rise is a trend only after two rising readings,
            // and a move is felt a minute after it is decided: with the scaler failing, receivers sit at their
            // ready ceiling and the ramp is over first.
            "eu-west-1-outage-evacuee-spikes-scaler-failing.conf", "the scaler fails throughout, so receivers sit "
                    + "at their ready ceiling; the dead location's catchment ramps 2x in 1 min, later 2.5x in 1 "
                    + "min: 130 s of receiver overload (route53-fast 3276 s), 17x fewer failed requests",
            "eu-west-2-dies-as-its-receivers-surge-1.5x.conf", "its three receivers' own catchments surge 1.5x the "
                    + "second it dies: the evacuees are placed on demand readings from before the surge (~30 s behind), "
                    + "so the receivers run just past their ready instances (1.01-1.02x) for ~106 s until the rise "
                    + "shows and the scalers catch up (route53-fast 252 s), 2.7x fewer failed requests",
            "eu-central-1-outage-receivers-crowded-scaler-failing.conf", "the scaler fails throughout and the "
                    + "receivers' own catchments double over 2 min while they carry a dead eu-central-1: evacuees "
                    + "and their own excess are shed as the readings show it, ~200 s of receiver overload "
                    + "(route53-fast 2692 s), 19x fewer failed requests");

    /**
     * The drill's own seed runs in {@link #everyUnrehearsedDrillMeetsItsObjectivesOrIsANamedKnownGap}, whose
     * objectives (no false evacuation, no shift) are the assertions here: this adds the two next seeds.
     */
    @TestFactory
    Stream<DynamicTest> aQuietDayAtTenPercentProbeLossEvacuatesNothingOnThreeSeeds() throws IOException {
        return quietOnTwoMoreSeeds("probe-loss-10-quiet-day.conf");
    }

    /** Probes every 500 ms lose twice as many probes a second as probes every second did: still nothing moves. */
    @TestFactory
    Stream<DynamicTest> aQuietWeekAtFivePercentProbeLossEvacuatesNothingOnThreeSeeds() throws IOException {
        return quietOnTwoMoreSeeds("probe-loss-5-quiet-week.conf");
    }

    /** Houston alone (the baselines' runs assert nothing here) on the drill's seed + 1 and + 2. */
    private static Stream<DynamicTest> quietOnTwoMoreSeeds(String file) throws IOException {
        DrillReader.Drill drill = DrillReader.read(DRILLS.resolve(file));
        long own = drill.scenario().seed();
        // A quiet week takes minutes of one core a seed: both seeds start now, side by side.
        Map<Long, CompletableFuture<RunResult>> runs = new java.util.TreeMap<>();
        for (long seed : new long[] {own + 1, own + 2}) {
            runs.put(seed, DrillRuns.onACore(drill.scenario().length().toMillis(), () -> Drill.runOne(drill.scenario().withSeed(seed), drill.setup(),
                    Drill.POLICIES.get(0), ms -> { })));
        }
        return runs.entrySet().stream().map(e -> DynamicTest.dynamicTest("seed " + e.getKey(), () -> {
            RunResult houston = e.getValue().join();

            assertEquals(0, houston.kpis().falseEvacuations(), houston.kpis().toString());
            assertEquals(0, houston.kpis().shifts(), houston.kpis().toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyUnrehearsedDrillMeetsItsObjectivesOrIsANamedKnownGap() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(DRILLS)) {
            files = list.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "unrehearsed drills: " + files);
        DrillRuns.ahead(files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            DrillResult result = DrillRuns.of(file);

            assertEquals(Drill.POLICIES, result.runs().stream().map(RunResult::policy).toList());
            assertFalse(result.verdicts().isEmpty(), file + " states no objectives");
            String table = KpiTable.render(result);
            assertTrue(table.contains("added latency") && table.contains("DNS bound") && table.contains("objectives"),
                    table);
            for (RunResult r : result.runs()) {
                assertTrue(r.kpis().failedRequests() >= result.dnsBound() - 1, r.policy() + " below the DNS bound:\n"
                        + table);
            }
            String gap = KNOWN_GAPS.get(file.getFileName().toString());
            if (gap == null) {
                assertTrue(result.objectivesMet(), table);
            } else {
                assertFalse(result.objectivesMet(), "known gap now met, remove it from KNOWN_GAPS:\n" + table);
                Assumptions.abort("known gap: " + gap + "\n" + table);
            }
        }));
    }

    /**
     * Evacuated users come back to the nearest receiver once it has ready room, and a receiver whose
     * scale-up failed keeps what it carries below 90% of its ready instances: the added round trip
     * per request stays within these bounds (before, 1.42, 4.53 and 2.81 ms). Sydney's users have no
     * receiver nearer than Singapore (6,300 km), so theirs stays high.
     */
    @TestFactory
    Stream<DynamicTest> evacuatedUsersAreServedNearTheirHome() {
        Map<String, Double> maxAddedLatencyMs = Map.of(
                "us-east-2-dies-during-us-east-1-failback.conf", 0.8,
                "ap-southeast-2-flaps-with-slow-scaler-and-receiver-spike.conf", 3.3,
                "eu-west-2-outage-scaler-down.conf", 0.4);
        return maxAddedLatencyMs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    // Houston's run on the drill's own seed: the one the objectives above judge, simulated once.
                    RunResult houston = DrillRuns.of(DRILLS.resolve(e.getKey())).runs().get(0);

                    assertTrue(houston.kpis().addedLatencyMs() <= e.getValue(), houston.kpis().toString());
                }));
    }
}
