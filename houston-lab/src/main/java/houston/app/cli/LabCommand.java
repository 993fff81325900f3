package houston.app.cli;

import houston.app.config.HoustonSettings;
import houston.app.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code houston lab}: the daemon on one machine with 15 breakable loopback locations. */
@Command(name = "lab", mixinStandardHelpOptions = true, subcommands = LabFaultCommand.class,
        description = "Run the whole daemon on this machine, no cloud account: 15 lab locations on loopback, "
                + "three in-process vantages, in-memory DNS, the lab scaler and the console notifier. "
                + "Break things with 'houston lab fault'. Runs until Ctrl-C.")
final class LabCommand extends SettingsCommand {

    static final int DEFAULT_PORT = 8080;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port on localhost. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--run-for", paramLabel = "DURATION", description = "Stop after this long (ISO-8601, e.g. PT60S).")
    Duration runFor;

    @Option(names = "--replicas", defaultValue = "1", description = "Daemons coordinated through an in-process "
            + "ZooKeeper ensemble; replica i listens on --port + i. Default: ${DEFAULT-VALUE}.")
    int replicas;


    @Override
    int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws Exception {
        if (port < 0 || port > 65535) {
            err.println("houston lab: --port: " + port + " (expected: 0..65535)");
            return 2;
        }
        if (replicas < 1 || replicas > 9) {
            err.println("houston lab: --replicas: " + replicas + " (expected: 1..9)");
            return 2;
        }
        // The lab's state is ephemeral by design (every start is a fresh lab): its journal lives in a
        // temporary directory that is removed when the lab stops, Ctrl-C included.
        Path journal = Files.createTempDirectory("houston-lab-journal");
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C or SIGTERM runs this hook, and a JVM ended by a signal exits 130 or 143 whatever main returns:
        // once the lab has stopped (its journal directory removed) it exits 0, as houston run does.
        Thread hook = new Thread(() -> {
            stop.countDown();
            boolean clean = awaitQuietly(stopped);
            out.flush();
            System.out.flush();
            Runtime.getRuntime().halt(clean ? 0 : 1);
        }, "houston-lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Lab lab = Lab.start(settings, port, journal, System.out, replicas)) {
            banner(settings, lab.daemon().port(), lab.port(), journal, out);
            if (replicas > 1) {
                LabReplicasBanner.print(lab.controllers(), lab.port(), out);
            }
            if (runFor != null) {
                stop.await(runFor.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
        } finally {
            TempDirs.delete(journal);
            stopped.countDown();
            StopHooks.remove(hook);
        }
        return 0;
    }

    @Override
    int portInUse(HoustonSettings settings, PrintWriter err) {
        // With replicas the lab listens on port..port+replicas: name the one taken and a range past them all.
        int last = port + (replicas > 1 ? replicas : 0);
        int taken = port;
        for (int p = port; p <= last; p++) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(p, 1, java.net.InetAddress.getLoopbackAddress())) {
                probe.getLocalPort();
            } catch (java.io.IOException e) {
                taken = p;
                break;
            }
        }
        String needs = last > port ? " (--replicas " + replicas + " needs ports " + port + ".." + last + ")" : "";
        err.println("houston lab: port " + taken + " is in use (another lab?)" + needs
                + "; pass --port with a free one, e.g. --port " + (last + 1));
        return 2;
    }

    /** @param labPort where the fault routes listen (the daemon's port, or the lab's own with replicas) */
    private static void banner(HoustonSettings settings, int actualPort, int labPort, Path journal, PrintWriter out) {
        String base = "http://localhost:" + actualPort;
        // The fault commands must reach this lab, not whatever listens on the default port.
        String fault = "./houston lab fault" + (labPort == DEFAULT_PORT ? "" : " --port " + labPort);
        String status = "./houston status" + (actualPort == DEFAULT_PORT ? "" : " --url " + base);
        out.printf("""
                Houston lab is running: %d locations on loopback, vantages %s,
                in-memory DNS, lab scaler (scale-up lead times x0.05), notifications on this console.

                  status page  %s/
                  API          %s/v1/status  /v1/locations  /v1/plan  /v1/decisions
                  metrics      %s/metrics
                  journal      %s
                               (the lab's state is ephemeral: this directory is deleted when the lab stops,
                               and the next lab starts afresh; houston.journal.dir is for houston run)

                Break something, from another terminal:
                  %s us-east-1 outage
                  %s eu-west-1 brownout 30
                  %s ap-northeast-1 latency 1500
                  %s sa-east-1 flap
                  %s vantage %s partition     (a broken observer: moves nothing)
                  %s us-east-1 clear
                  %s dns-api down              (publishes fail; see docs/dns-fallback.md)
                and watch what Houston does: %s
                Ctrl-C stops the lab.
                %n""", settings.topology().size(), settings.engine().health().vantages(), base, base, base, journal,
                fault, fault, fault, fault, fault, settings.engine().health().vantages().get(0), fault, fault, status);
        out.flush();
    }

    /** True when the lab stopped within 30 s. */
    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
