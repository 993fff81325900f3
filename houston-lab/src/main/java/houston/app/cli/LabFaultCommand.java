package houston.app.cli;

import houston.app.lab.LabFault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code houston lab fault}: a client of the running lab's fault routes, {@link LabCommand}'s subcommand. */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = "Break (or mend) a location of the running lab: LOC outage | brownout PCT | latency MS | flap "
                + "| clear; or a vantage: vantage NAME partition | clear; or a replica: controller N kill | partition | clear; "
                + "or the DNS API: dns-api down | up (clear is up).")
final class LabFaultCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TARGET", description = "A location id, or the word 'vantage', 'controller' or 'dns-api'.")
    String target;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FAULT", description = "outage | brownout PCT | latency MS | flap | clear; "
            + "for a vantage: NAME partition | NAME clear")
    java.util.List<String> fault;

    /** The lab's answers are a few hundred bytes (faults in force, replicas); 1 MiB is a server that is not one. */
    static final int MAX_ANSWER = 1024 * 1024;

    @Option(names = "--port", defaultValue = "8080", description = "The lab's port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String where = target;
        java.util.List<String> words = fault == null ? java.util.List.of() : fault;
        if (port < 1 || port > 65535) {
            err.println("houston lab fault: --port: " + port + " (expected: 1..65535)");
            return 2;
        }
        if (target.equalsIgnoreCase("controller")) {
            return LabReplicasBanner.fault(words, port, spec.commandLine().getOut(), err);
        }
        if (target.equalsIgnoreCase("vantage")) {
            if (words.size() < 2) {
                err.println("houston lab fault: which vantage, and what? (expected: vantage NAME partition|clear)");
                return 2;
            }
            where = "vantage:" + words.get(0);
            words = words.subList(1, words.size());
        }
        LabFault parsed;
        try {
            parsed = LabFault.parse(words);
        } catch (IllegalArgumentException e) {
            err.println("houston lab fault: " + e.getMessage());
            return 2;
        }
        io.vertx.core.json.JsonObject request = new io.vertx.core.json.JsonObject().put("target", where)
                .put("fault", parsed.kind());
        String body = (parsed.amount() > 0 ? request.put("amount", parsed.amount()) : request).encode();
        HttpResponse<String> r;
        try {
            r = post(port, "/lab/faults", body, Duration.ofSeconds(5));
        } catch (CappedBody.TooLarge e) {
            err.println("houston lab fault: " + e.getMessage());
            return 3;
        } catch (ApiCall.Unanswered e) {
            err.println("houston lab fault: " + ApiCall.Unanswered.said("the lab on port " + port));
            return 3;
        } catch (java.io.IOException e) {
            err.println("houston lab fault: no lab answering on port " + port + " (start one with ./houston lab)");
            return 3;
        }
        io.vertx.core.json.JsonObject answer = labAnswer(r.body());
        if (answer == null || r.statusCode() != 200 && answer.getString("error") == null) {
            // Something listens there, but not a lab: the fault reached nothing.
            err.println("houston lab fault: port " + port + " answered HTTP " + r.statusCode()
                    + ", not as a Houston lab (start one with ./houston lab --port " + port + ")");
            return 3;
        }
        if (r.statusCode() != 200 && answer.containsKey("knownLocations")) {
            // The API's text names its own syntax (vantage:NAME); this command's words are others.
            err.println("houston lab fault: unknown target " + houston.app.lab.LabFault.quoted(target)
                    + " (expected: a location, vantage NAME, controller N or dns-api; known locations: "
                    + ApiText.safe(String.valueOf(answer.getJsonArray("knownLocations").getList())) + ")");
            return 2;
        }
        if (r.statusCode() != 200) {
            err.println("houston lab fault: " + ApiText.safe(answer.getString("error")));
            return 2;
        }
        if (!LabAnswer.isLabs(answer, where, parsed.kind())) {
            err.println("houston lab fault: no lab answers at port " + port + " (answer is not the lab's)");
            return 3;
        }
        spec.commandLine().getOut().println("faults now: " + ApiText.safe(answer.encode()));
        return 0;
    }

    /** The lab's JSON answer, or null when what answered does not speak it. */
    private static io.vertx.core.json.JsonObject labAnswer(String body) {
        try {
            return new io.vertx.core.json.JsonObject(body);
        } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
            return null;
        }
    }

    /** A JSON POST to the lab on {@code port}. */
    static HttpResponse<String> post(int port, String path, String body, Duration timeout)
            throws java.io.IOException, InterruptedException {
        // Capped and timed as a whole: an endless answer ran the CLI out of memory.
        return ApiCall.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), MAX_ANSWER, timeout);
    }
}
