package houston.app.cli;

import houston.app.config.HoustonSettings;
import houston.app.daemon.Daemon;
import houston.app.daemon.DrillText;
import houston.app.daemon.OperatorRoutes;
import houston.app.daemon.Replication;
import houston.app.demand.MeasuredInputs;
import houston.app.wiring.DnsSwitchFactory;
import houston.app.wiring.NotifierFactory;
import houston.app.wiring.ProbeFactory;
import houston.app.wiring.ScalerFactory;
import houston.app.wiring.SharedSecret;
import houston.capacity.RequestSigner;
import houston.core.port.Scaler;
import houston.dns.WeightedRecordSwitch;
import houston.probes.http.CanarySite;
import houston.probes.http.VertxHttpProbe;
import houston.probes.intake.HmacAuth;
import houston.probes.metrics.ProbeMetrics;
import houston.probes.schedule.ProbeScheduler;
import houston.probes.signals.PrometheusSignalSource;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code houston run}: the daemon, as configured. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the daemon as configured: probe as houston.daemon.vantage, decide, pre-scale, publish DNS, "
                + "notify; serve the API, status page, /metrics, signed pushes and Slack. Runs until stopped; on stop "
                + "the tick in progress finishes and the journal is closed.")
final class RunCommand extends SettingsCommand {


    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);

    @Option(names = "--run-for", paramLabel = "DURATION", description = "Stop after this long (ISO-8601, e.g. PT60S).")
    Duration runFor;


    @Override
    int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws Exception {
        Clock clock = Clock.systemUTC();
        Vertx vertx = Vertx.vertx();
        // The probes get an event loop of their own: a connection flood keeps the API's loops busy
        // accepting and closing, and probes on those loops were measured at a fifteenth of their rate.
        Vertx probing = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        RequestSigner signer = signer(settings, clock);
        Scaler scaler = ScalerFactory.create(settings, signer, timers);
        var d = settings.daemon();
        NotifierFactory.Built notifier = NotifierFactory.create(settings, System.out,
                d.journalDir().resolve("slack-threads.json"));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM runs this hook, and the JVM halts as soon as hooks return: so it waits for the main
        // thread to finish the tick in progress and close the journal and the server. A JVM ended by a
        // signal exits 143 whatever main returns; having stopped cleanly, it exits 0 (1 if the stop hung
        // past STOP_TIMEOUT, which stays under the systemd unit's TimeoutStopSec and Kubernetes' 30 s grace).
        Thread hook = new Thread(() -> {
            stop.countDown();
            boolean clean;
            try {
                clean = stopped.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                clean = false;
            }
            out.flush();
            System.out.flush();
            Runtime.getRuntime().halt(clean ? 0 : 1);
        }, "houston-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (WeightedRecordSwitch dns = DnsSwitchFactory.create(settings, clock);
             VertxHttpProbe probe = ProbeFactory.probe(probing, settings, clock);
             Replication replica = Replication.create(settings.ha(), clock)) {
            Daemon daemon = Daemon.start(vertx, settings, replica.dns(dns), replica.scaler(scaler),
                    replica.notifier(notifier.notifier(), notifier.outbox()), d.journalDir(), d.host(), d.port(), clock,
                    (router, loop, registry) -> {
                        OperatorRoutes.mount(vertx, router, loop, settings, registry, clock, DrillText::run);
                        Replication.mount(router, loop, registry, replica);
                    });
            daemon.watchControlPlane(settings, dns::watch, replica::mayAct);
            replica.start(daemon.loop());
            ProbeScheduler own = new ProbeScheduler(probing, probe, settings.probes(), d.vantage(),
                    CanarySite.targets(settings.topology(), settings.outside().sites()), daemon.loop()::observe,
                    new ProbeMetrics(daemon.registry(), d.vantage()), clock, new SplittableRandom());
            own.start();
            PrometheusSignalSource signals = null;
            if (settings.outside().signals().url() != null) {
                signals = new PrometheusSignalSource(vertx, settings.outside().signals().url(),
                        settings.outside().signals().queries(), settings.outside().signals().interval(), clock, daemon.registry());
                signals.start(daemon.loop()::signal);
            }
            MeasuredInputs measured = MeasuredInputs.start(vertx, settings, scaler, timers, clock, daemon.registry(),
                    daemon.loop());
            out.printf("houston running (%s): %d locations, vantage %s, DNS %s, scaler %s, notifications %s%s; "
                            + "http://%s:%d/%n", settings.source(), settings.topology().size(), d.vantage(),
                    settings.dns().provider(), settings.scaler().provider(),
                    notifier.outbox() == null ? "console" : "Slack " + settings.slack().channel(),
                    settings.ha().enabled() ? ", replica " + settings.ha().replica() + " of ZooKeeper " + settings.ha().connect()
                            : "", d.host(), daemon.port());
            out.flush();
            if (runFor != null) {
                stop.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            replica.close();
            own.close();
            if (signals != null) {
                signals.close();
            }
            measured.close();
            daemon.close();
            if (notifier.outbox() != null) {
                notifier.outbox().close();
            }
            out.println("houston stopped: journal closed.");
            out.flush();
        } finally {
            timers.shutdownNow();
            probing.close().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
            // Stopped by a signal, the hook halts once this is counted down; stopped any other way (run-for,
            // a refused start), the hook must go, or the JVM hosting this command would wait for it and exit 1.
            stopped.countDown();
            StopHooks.remove(hook);
        }
        return 0;
    }

    /** Signs webhook scale requests with the shared secret (the webhook verifies like any Houston push). */
    private static RequestSigner signer(HoustonSettings settings, Clock clock) {
        if (settings.outside().api().tokenFile() == null) {
            return body -> Map.of();
        }
        HmacAuth auth = new HmacAuth(SharedSecret.read(settings.outside().api().tokenFile()),
                settings.outside().api().replayWindow(), clock, 1);
        return body -> {
            long ts = clock.instant().getEpochSecond();
            return Map.of(HmacAuth.TIMESTAMP, String.valueOf(ts), HmacAuth.SIGNATURE, auth.sign(ts, body));
        };
    }
}
