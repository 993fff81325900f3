package houston.app.cli;

import houston.app.config.HoustonSettings;
import houston.app.wiring.ProbeFactory;
import houston.app.wiring.SharedSecret;
import houston.probes.agent.ObservationPusher;
import houston.probes.http.CanarySite;
import houston.probes.http.ProbeTarget;
import houston.probes.http.VertxHttpProbe;
import houston.probes.intake.HmacAuth;
import houston.probes.metrics.ProbeMetrics;
import houston.probes.schedule.ProbeScheduler;
import houston.app.wiring.PrometheusRegistries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code houston agent}: a vantage point elsewhere, probing every location and pushing to the daemon. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Probe every location's canary sites from this machine as vantage NAME and push the "
                + "observations, signed, to the daemon's POST /v1/observations. Runs until stopped.")
final class AgentCommand extends SettingsCommand {

    @Option(names = "--vantage", required = true, paramLabel = "NAME",
            description = "This agent's vantage name; must be listed in houston.health.vantages.")
    String vantage;

    @Option(names = "--report-to", required = true, split = ",", paramLabel = "URL",
            description = "The daemon, e.g. https://houston.internal:8080; with replicas, every replica (repeat the "
                    + "option or separate with commas): each gets every observation through its own buffer and backoff.")
    List<URI> reportTo;

    @Option(names = "--token-file", required = true, paramLabel = "FILE", description = "File holding the shared secret (houston.api.token-file on the daemon).")
    Path tokenFile;

    @Option(names = "--run-for", paramLabel = "DURATION", description = "Stop after this long (e.g. 30s, 5m, or ISO-8601 PT30S). Default: until stopped.")
    Duration runFor;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Where GET /metrics and GET /healthz listen (default: ${DEFAULT-VALUE}; 0.0.0.0 in a pod).")
    String httpHost;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "9464",
            description = "Port of /metrics and /healthz (default: ${DEFAULT-VALUE}; 0: any free port).")
    int httpPort;



    @Override
    int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws Exception {
        if (!settings.engine().health().vantages().contains(vantage)) {
            err.println("houston agent: vantage '" + vantage + "' is not in houston.health.vantages "
                    + settings.engine().health().vantages() + ": the daemon would refuse its observations");
            return 2;
        }
        for (URI daemon : reportTo) {
            if (daemon.getHost() == null || !("http".equals(daemon.getScheme()) || "https".equals(daemon.getScheme()))) {
                err.println("houston agent: --report-to " + daemon + " (expected: an http(s) URL such as http://houston:8080)");
                return 2;
            }
        }
        reportTo = reportTo.stream().distinct().toList();
        byte[] secret;
        try {
            secret = SharedSecret.read(tokenFile);
        } catch (IllegalArgumentException e) {
            err.println("houston agent: " + e.getMessage());
            return 2;
        }
        return run(settings, secret, out);
    }

    private int run(HoustonSettings settings, byte[] secret, PrintWriter out) throws Exception {
        Clock clock = Clock.systemUTC();
        Vertx vertx = Vertx.vertx();
        PrometheusMeterRegistry registry = PrometheusRegistries.withJvmMetrics();
        List<ProbeTarget> targets = CanarySite.targets(settings.topology(), settings.outside().sites());
        var agent = settings.outside().agent();
        HmacAuth signer = new HmacAuth(secret, settings.outside().api().replayWindow(), clock, 1);
        // A pusher per daemon: a dead or slow replica fills only its own buffer and backs off alone.
        List<ObservationPusher> pushers = reportTo.stream().map(daemon -> new ObservationPusher(vertx, daemon,
                vantage, signer, agent.buffer(), agent.batch(), agent.flushInterval(), clock, registry)).toList();
        VertxHttpProbe probe = ProbeFactory.probe(vertx, settings, clock);
        ProbeScheduler scheduler = new ProbeScheduler(vertx, probe, settings.probes(), vantage, targets,
                o -> pushers.forEach(p -> p.offer(o)),
                new ProbeMetrics(registry, vantage), clock, new SplittableRandom());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "houston-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Router router = Router.router(vertx);
        router.get("/healthz").handler(ctx -> ctx.response().end("ok"));
        PrometheusRegistries.mountMetrics(router, registry);
        HttpServer http = vertx.createHttpServer().requestHandler(router).listen(httpPort, httpHost)
                .await(30, TimeUnit.SECONDS);
        pushers.forEach(ObservationPusher::start);
        scheduler.start();
        out.printf("houston agent %s: probing %d targets every %dms, reporting to %s; metrics http://%s:%d/metrics%n",
                vantage, targets.size(), settings.probes().interval().toMillis(),
                reportTo.stream().map(URI::toString).collect(java.util.stream.Collectors.joining(", ")), httpHost, http.actualPort());
        out.flush();
        if (runFor != null) {
            stopped.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            stopped.await();
        }
        scheduler.close();
        for (int i = 0; i < pushers.size(); i++) {
            ObservationPusher pusher = pushers.get(i);
            pusher.flush();
            out.printf("houston agent %s: stopped; %s: %d delivered, %d buffered, %d dropped%n", vantage,
                    reportTo.get(i), pusher.delivered(), pusher.buffered(), pusher.dropped());
            pusher.close();
        }
        probe.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        StopHooks.remove(hook);
        return 0;
    }
}
