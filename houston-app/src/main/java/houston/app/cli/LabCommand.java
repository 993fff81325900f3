package houston.app.cli;

import houston.app.config.HoustonSettings;
import houston.app.lab.Lab;
import houston.app.lab.LabFault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code houston lab}: the daemon on one machine with 15 breakable loopback locations. */
@Command(name = "lab", mixinStandardHelpOptions = true, subcommands = LabCommand.Fault.class,
        description = "Run the whole daemon on this machine, no cloud account: 15 lab locations on loopback, "
                + "three in-process vantages, in-memory DNS, the lab scaler and the console notifier. "
                + "Break things with 'houston lab fault'. Runs until Ctrl-C.")
final class LabCommand extends SettingsCommand {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port on localhost. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--run-for", paramLabel = "DURATION", description = "Stop after this long (ISO-8601, e.g. PT60S).")
    Duration runFor;



    @Override
    int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws Exception {
        Path journal = Files.createTempDirectory("houston-lab-journal");
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "houston-lab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Lab lab = Lab.start(settings, port, journal, System.out)) {
            String base = "http://localhost:" + lab.daemon().port();
            out.printf("""
                    Houston lab is running: %d locations on loopback, vantages %s,
                    in-memory DNS, lab scaler (scale-up lead times x0.05), notifications on this console.

                      status page  %s/
                      API          %s/v1/status  /v1/locations  /v1/plan  /v1/decisions
                      metrics      %s/metrics
                      journal      %s

                    Break something, from another terminal:
                      ./houston lab fault us-east-1 outage
                      ./houston lab fault eu-west-1 brownout 30
                      ./houston lab fault ap-northeast-1 latency 1500
                      ./houston lab fault sa-east-1 flap
                      ./houston lab fault vantage %s partition     (a broken observer: moves nothing)
                      ./houston lab fault us-east-1 clear
                    Ctrl-C stops the lab.
                    %n""", settings.topology().size(), settings.engine().health().vantages(), base, base, base, journal,
                    settings.engine().health().vantages().get(0));
            out.flush();
            if (runFor != null) {
                stop.await(runFor.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            } else {
                stop.await();
            }
        }
        return 0;
    }

    @Command(name = "fault", mixinStandardHelpOptions = true,
            description = "Break (or mend) a location of the running lab: LOC outage | brownout PCT | latency MS | flap "
                    + "| clear; or a vantage: vantage NAME partition | clear.")
    static final class Fault implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "TARGET", description = "A location id, or the word 'vantage'.")
        String target;

        @Parameters(index = "1..*", paramLabel = "FAULT", description = "outage | brownout PCT | latency MS | flap | clear; "
                + "for a vantage: NAME partition | NAME clear")
        java.util.List<String> fault;

        @Option(names = "--port", defaultValue = "8080", description = "The lab's port. Default: ${DEFAULT-VALUE}.")
        int port;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            String where = target;
            java.util.List<String> words = fault;
            if (target.equals("vantage")) {
                if (fault.size() < 2) {
                    err.println("houston lab fault: usage: fault vantage NAME partition|clear");
                    return 2;
                }
                where = "vantage:" + fault.get(0);
                words = fault.subList(1, fault.size());
            }
            LabFault parsed;
            try {
                parsed = LabFault.parse(words.get(0), words.size() > 1 ? words.get(1) : null);
            } catch (IllegalArgumentException e) {
                err.println("houston lab fault: " + e.getMessage());
                return 2;
            }
            String body = new io.vertx.core.json.JsonObject().put("target", where).put("fault", parsed.kind())
                    .put("amount", parsed.amount()).encode();
            HttpResponse<String> r;
            try {
                r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/lab/faults"))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                err.println("houston lab fault: no lab answering on port " + port + " (start one with ./houston lab)");
                return 3;
            }
            if (r.statusCode() != 200) {
                err.println("houston lab fault: " + new io.vertx.core.json.JsonObject(r.body()).getString("error"));
                return 2;
            }
            spec.commandLine().getOut().println("faults now: " + r.body().replaceAll("\\s+", " "));
            return 0;
        }
    }
}
