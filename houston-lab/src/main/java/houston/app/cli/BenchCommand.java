package houston.app.cli;

import houston.app.bench.EngineStepBenchmark;
import houston.app.bench.ProbesBench;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code houston bench engine|probes}: benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark and print its figures. engine: one decision-engine step (JMH). "
                + "probes: probe throughput on loopback, side by side with blackbox_exporter when installed. "
                + "ttm: time to mitigate outages in the lab. sim: 24 simulated hours with the engine in the loop. "
                + "soak: houston run under pushes at the limits, connection floods and SIGKILL restarts (exit 3: INVALID). "
                + "failover: the leader of three lab replicas killed N times, hand-over p50/p95 (exit 3: INVALID).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "engine, probes, ttm, sim, soak or failover")
    String benchmark;

    @Option(names = "--targets", description = "probes: canary targets. Default: ${DEFAULT-VALUE}.", defaultValue = "2500")
    int targets;

    @Option(names = "--interval", description = "probes: interval per target (e.g. 200ms or PT0.2S). Default: ${DEFAULT-VALUE}.",
            defaultValue = "PT0.2S")
    Duration interval;

    @Option(names = "--seconds", description = "probes: measured window. Default: ${DEFAULT-VALUE}.", defaultValue = "20")
    int seconds;

    @Option(names = "--servers", description = "probes: loopback canary servers (ports). Default: ${DEFAULT-VALUE}.",
            defaultValue = "16")
    int servers;

    @Option(names = "--outages", description = "ttm: outages injected one at a time. Default: ${DEFAULT-VALUE}.",
            defaultValue = "20")
    int outages;

    @Option(names = "--loss", description = "ttm: percent of probes failing at random. Default: ${DEFAULT-VALUE}.",
            defaultValue = "5")
    int loss;

    @Option(names = "--concurrency", description = "probes: parallel /probe requests to blackbox_exporter. "
            + "Default: ${DEFAULT-VALUE}.", defaultValue = "32")
    int concurrency;

    @Option(names = "--kills", description = "failover: leaders killed one after another. Default: ${DEFAULT-VALUE}.",
            defaultValue = "20")
    int kills;

    @Option(names = "--minutes", description = "soak: how long. Default: ${DEFAULT-VALUE}.", defaultValue = "5")
    double minutes;

    @Option(names = "--quick", description = "Fewer, shorter iterations: a smoke run, not figures to quote.")
    boolean quick;

    @Option(names = "--locations", split = ",", paramLabel = "N", description = "Topology sizes. Default: 15,200.")
    int[] locations = {15, 200};

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String refused = outOfRange();
        if (refused != null) {
            spec.commandLine().getErr().println("houston bench: " + refused);
            return 2;
        }
        if ("probes".equals(benchmark)) {
            return probes(out);
        }
        if ("sim".equals(benchmark)) {
            houston.app.bench.SimBench.run(out, quick ? 1 : 24);
            machine(out);
            return 0;
        }
        if ("ttm".equals(benchmark)) {
            houston.app.bench.TtmBench.run(out, quick ? 3 : outages, loss);
            machine(out);
            return 0;
        }
        if ("failover".equals(benchmark)) {
            boolean valid = houston.app.bench.FailoverBench.run(out, quick ? 3 : kills);
            machine(out);
            return valid ? 0 : 3;
        }
        if ("soak".equals(benchmark)) {
            return houston.app.bench.SoakBench.run(out, quick ? 1 : minutes).valid() ? 0 : 3;
        }
        if (!"engine".equals(benchmark)) {
            spec.commandLine().getErr().println("houston bench: unknown benchmark '" + benchmark
                    + "' (known: engine, probes, ttm, sim, soak, failover)");
            return 2;
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(EngineStepBenchmark.class.getName())
                .param("locations", java.util.Arrays.stream(locations).mapToObj(String::valueOf).toArray(String[]::new))
                .forks(1)
                .shouldFailOnError(true);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2)
                    .measurementTime(TimeValue.seconds(1));
        } else {
            options.warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        out.printf(Locale.ROOT, "%n%-16s %10s %14s %12s%n", "benchmark", "locations", "µs/step", "± (99.9%)");
        for (RunResult r : results) {
            var primary = r.getPrimaryResult();
            out.printf(Locale.ROOT, "%-16s %10s %14.2f %12.2f%n", r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    r.getParams().getParam("locations"), primary.getScore(), primary.getScoreError());
        }
        machine(out);
        return 0;
    }

    private int probes(PrintWriter out) throws Exception {
        Duration warmUp = Duration.ofSeconds(quick ? 2 : 5);
        Duration window = Duration.ofSeconds(quick ? Math.min(5, seconds) : seconds);
        ProbesBench.run(out, targets, interval, servers, concurrency, warmUp, window);
        machine(out);
        return 0;
    }

    private static void machine(PrintWriter out) {
        out.printf(Locale.ROOT, "%n%s%n", houston.app.bench.BenchMachine.describe());
    }

    /** The first number given past what its benchmark can run, as {@code option: value (expected: …)}; null if none. */
    private String outOfRange() {
        if (minutes <= 0) {
            return "--minutes: " + minutes + " (expected: more than 0)";
        }
        for (int n : locations) {
            if (n < 2 || n > 10_000) {
                return "--locations: " + n + " (expected: 2..10000)";
            }
        }
        if (outages < 1 || kills < 1 || loss < 0 || loss > 100) {
            return "--outages, --kills: at least 1; --loss: 0..100 (got " + outages + ", " + kills + ", " + loss + ")";
        }
        return null;
    }
}
