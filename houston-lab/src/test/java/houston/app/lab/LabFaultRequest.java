package houston.app.lab;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Breaks or mends a running lab the way {@code ./houston lab fault} does: {@code POST /lab/faults}. */
final class LabFaultRequest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LabFaultRequest() {
    }

    /** The answer's status: 200 when the fault is in force. */
    static int send(Lab lab, String target, String fault) throws IOException, InterruptedException {
        String body = new JsonObject().put("target", target).put("fault", fault).encode();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lab.daemon().port() + "/lab/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
