package houston.app.cli;

import houston.app.config.HoustonSettings;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code houston status}: what a running daemon (or lab) is doing, read from its API — every
 * location's state, score and share at home, overrides, fail-static and DNS — for a terminal at
 * 3 a.m. when the status page is not at hand. Reads only; exit 3 when nothing answers as Houston.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what the running daemon is doing, from its API: each location's state, score and share "
                + "served at home, overrides, fail-static and DNS. Reads only. Exit 3 when no daemon answers.")
final class StatusCommand extends SettingsCommand {

    @Option(names = "--url", paramLabel = "URL", description = "The daemon's API (default: http://houston.http.host:"
            + "houston.http.port of the configuration, http://127.0.0.1:8080 by default).")
    String url;

    @Override
    boolean readsSecretFiles() {
        return false;
    }

    @Override
    int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws InterruptedException {
        String base = url != null ? url.replaceAll("/+$", "")
                : "http://" + connectable(settings.daemon().host()) + ":" + settings.daemon().port();
        URI status;
        try {
            status = URI.create(base + "/v1/status");
            if (status.getHost() == null || !status.getScheme().matches("https?")) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            err.println("houston status: --url: " + url + " (expected: http://HOST:PORT)");
            return 2;
        }
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            JsonObject summary = new JsonObject(get(status));
            JsonArray locations = new JsonArray(get(URI.create(base + "/v1/locations")));
            JsonObject plan = new JsonObject(get(URI.create(base + "/v1/plan")));
            // Printed whole or not at all: a server answering JSON of another shape is not half shown.
            StatusText.print(base, summary, locations, plan.getJsonObject("rows"), new PrintWriter(text));
        } catch (IOException | DecodeException | ClassCastException | NullPointerException e) {
            err.println("houston status: no Houston daemon answers at " + base + " (" + why(e) + "; start one with "
                    + "./houston run or ./houston lab, or name its API with --url)");
            return 3;
        }
        out.print(text);
        out.flush();
        return 0;
    }

    /** A daemon listening on every interface is reached on loopback from its own host. */
    private static String connectable(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " from " + uri.getPath());
        }
        return r.body();
    }

    private static String why(Exception e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within 10 s";
        }
        if (e instanceof DecodeException || e instanceof ClassCastException || e instanceof NullPointerException) {
            return "its answer is not Houston's JSON";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
