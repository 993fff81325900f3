package houston.app.bench;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import houston.app.lab.Lab;
import houston.app.lab.LabFault;
import houston.app.wiring.DnsSwitchFactory;
import houston.core.engine.Decision;
import houston.core.engine.DecisionKind;
import houston.core.model.LocationState;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * {@code houston bench ttm}: time to mitigate in the lab. Outages are injected one at a time
 * (recovering in between) under random probe loss; for each, detection is fault → the engine's
 * evacuation decision, publish is fault → the DNS zone sending most of the location's users elsewhere. Fail-back holds are
 * shortened (up-hold 5 s, steps 2 s) so the cycles take minutes, and the evacuation rate limit is
 * lifted (twenty in minutes would trip it, as it should); detection depends on neither.
 * Any evacuation of a location that was not broken is a false evacuation.
 */
public final class TtmBench {

    private TtmBench() {
    }

    public static void run(PrintWriter out, int outages, int lossPercent) throws Exception {
        Path dir = Files.createTempDirectory("houston-ttm");
        Path conf = dir.resolve("ttm.conf");
        // Twenty evacuations in minutes would trip the evacuation rate limit (its job): lift it here.
        Files.writeString(conf, "houston.hysteresis.up-hold = 5s\nhouston.failback.step-hold = 2s\n"
                + "houston.safety.max-new-evacuations = 1000\n");
        HoustonSettings settings = HoustonConfigLoader.load(conf);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        double cpu0 = ProcessCpu.self();
        long wall0 = System.nanoTime();
        List<Double> detect = new ArrayList<>();
        List<Double> publish = new ArrayList<>();
        int falseEvacuations = 0;
        long peakRss = 0;
        try (Lab lab = Lab.start(settings, 0, dir.resolve("journal"), quiet)) {
            lab.world().probeLoss(lossPercent);
            var layout = DnsSwitchFactory.layout(lab.world().settings());
            List<String> ids = lab.world().settings().topology().ids();
            await(() -> lab.daemon().loop().state().tick() > 10, 30);
            for (int i = 0; i < outages; i++) {
                String target = ids.get((i * 7) % ids.size());
                int index = ids.indexOf(target);
                Instant fault = Instant.now();
                lab.world().fault(target, LabFault.parse("outage", null));
                await(() -> decided(lab, target, fault) != null, 30);
                detect.add(seconds(fault, decided(lab, target, fault).at()));
                // Mitigation starts when DNS sends the location's users elsewhere; a dead location's
                // last share may wait for its receivers' pre-scale (minutes), which is not detection.
                await(() -> layout.plan(lab.dns().zone().list()).fraction(index, index) < 0.5, 30);
                publish.add(seconds(fault, Instant.now()));
                lab.world().fault(target, LabFault.NONE);
                // Fail-back waits out the up-hold once the location's error rate over its two-minute window is
                // clean again, then steps home: minutes, not seconds.
                await(() -> lab.daemon().loop().state().track(index).state() == LocationState.HEALTHY, 300);
                peakRss = Math.max(peakRss, rssKb());
                out.printf(Locale.ROOT, "  outage %2d/%d %-15s detected %.1fs, published %.1fs%n", i + 1, outages, target,
                        detect.get(i), publish.get(i));
                out.flush();
            }
            falseEvacuations = countFalse(lab, ids, outages);
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = ProcessCpu.self() - cpu0;
        out.printf(Locale.ROOT, "%n%-26s %8s %8s %8s%n", "time to mitigate", "p50", "p95", "max");
        row(out, "detection (fault->decide)", detect);
        row(out, "publish (fault->DNS)", publish);
        out.printf(Locale.ROOT, "%-26s %8d  (probe loss %d%%)%n", "false evacuations", falseEvacuations, lossPercent);
        out.printf(Locale.ROOT, "%-26s %8.0f MB%n", "peak RSS", peakRss / 1024.0);
        out.printf(Locale.ROOT, "%-26s %8.1f%% of one core over %.0f s (lab sites, visitors and probes included)%n",
                "CPU", cpu / wall * 100, wall);
    }

    /** Evacuations decided for locations never broken. The lab's decision memory keeps the last 200. */
    private static int countFalse(Lab lab, List<String> ids, int outages) {
        java.util.Set<String> broken = new java.util.HashSet<>();
        for (int i = 0; i < outages; i++) {
            broken.add(ids.get((i * 7) % ids.size()));
        }
        int count = 0;
        for (Decision d : lab.daemon().loop().recentDecisions()) {
            if (d.kind() == DecisionKind.EVACUATION_DECIDED && !broken.contains(d.location())) {
                count++;
            }
        }
        return count;
    }

    private static Decision decided(Lab lab, String target, Instant after) {
        for (Decision d : lab.daemon().loop().recentDecisions()) {
            if (d.kind() == DecisionKind.EVACUATION_DECIDED && d.location().equals(target) && d.at().isAfter(after)) {
                return d;
            }
        }
        return null;
    }

    static void row(PrintWriter out, String name, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        out.printf(Locale.ROOT, "%-26s %7.1fs %7.1fs %7.1fs%n", name, pct(sorted, 0.5), pct(sorted, 0.95),
                sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double seconds(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
    }

    private static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark step did not happen within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }
}
