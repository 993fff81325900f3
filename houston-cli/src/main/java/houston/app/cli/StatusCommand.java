package houston.app.cli;

import houston.app.config.HoustonSettings;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code houston status}: what a running daemon (or lab) is doing, read from its API — every
 * location's state, score and share at home, overrides, fail-static and DNS — for a terminal at
 * 3 a.m. when the status page is not at hand. Reads only; exit 2 for a --url that cannot be an API,
 * exit 3 when nothing answers as Houston or the daemon's last tick is stale, unknown or ahead of this clock.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what the running daemon is doing, from its API: each location's state, score and share "
                + "served at home, overrides, fail-static and DNS. Reads only. Exit 2 for a --url that is not "
                + "http://HOST:PORT; exit 3 when no daemon answers, or its last tick is older than 30 s (it may be hung), "
                + "unreadable or ahead of this host's clock.")
final class StatusCommand extends SettingsCommand {

    /**
     * Per document. A 15-location daemon's largest, /v1/plan, is a few KiB; a 200-location topology's
     * (bench) is 200 x 200 shares, about 2 MiB pretty-printed. 16 MiB leaves room and a bounded heap.
     */
    static final int MAX_ANSWER = 16 * 1024 * 1024;

    /** Whole answer, headers and body: a server trickling bytes does not hold the terminal. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @Option(names = "--url", paramLabel = "URL", description = "The daemon's API, http://HOST:PORT (default: http://"
            + "houston.http.host:houston.http.port of the configuration, http://127.0.0.1:8080 by default).")
    String url;

    @Override
    boolean readsSecretFiles() {
        return false;
    }

    @Override
    int run(HoustonSettings settings, PrintWriter out, PrintWriter err) throws InterruptedException {
        String base;
        try {
            base = url != null ? DaemonUrl.base(url)
                    : "http://" + connectable(settings.daemon().host()) + ":" + settings.daemon().port();
        } catch (DaemonUrl.Refused e) {
            err.println("houston status: --url: " + e.getMessage());
            return 2;
        }
        StringWriter text = new StringWriter();
        JsonObject summary;
        try {
            summary = new JsonObject(get(base, "/v1/status"));
            JsonArray locations = new JsonArray(get(base, "/v1/locations"));
            JsonObject plan = new JsonObject(get(base, "/v1/plan"));
            // Printed whole or not at all: a server answering JSON of another shape is not half shown.
            StatusText.print(base, summary, locations, plan.getJsonObject("rows"), new PrintWriter(text));
        } catch (CappedBody.TooLarge e) {
            err.println("houston status: " + e.getMessage());
            return 3;
        } catch (ApiCall.Unanswered e) {
            err.println("houston status: " + ApiCall.Unanswered.said("the daemon at " + base));
            return 3;
        } catch (IOException | DecodeException | ClassCastException | NullPointerException e) {
            err.println("houston status: no Houston daemon answers at " + base + " (" + why(e) + "; start one with "
                    + "./houston run or ./houston lab, or name its API with --url)");
            return 3;
        }
        out.print(text);
        out.flush();
        String stale = Staleness.warning(summary.containsKey("at"), summary.getValue("at"), Instant.now(),
                settings.tick());
        if (stale != null) {
            err.println("houston status: " + stale);
            return 3;
        }
        return 0;
    }

    /** A daemon listening on every interface is reached on loopback from its own host. */
    private static String connectable(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    private static String get(String base, String path) throws IOException, InterruptedException {
        URI uri = URI.create(base + path);
        var r = ApiCall.send(HttpRequest.newBuilder(uri).timeout(ANSWER_WITHIN).build(), MAX_ANSWER, ANSWER_WITHIN);
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
            return "no answer within " + ANSWER_WITHIN.toSeconds() + " s";
        }
        if (e instanceof DecodeException || e instanceof ClassCastException || e instanceof NullPointerException) {
            return "its answer is not Houston's JSON";
        }
        return ApiText.safe(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }
}
