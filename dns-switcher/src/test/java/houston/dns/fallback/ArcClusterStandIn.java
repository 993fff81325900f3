package houston.dns.fallback;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Route 53 ARC cluster on loopback that speaks the real awsJson1_0 protocol to the real AWS SDK
 * client: several regional endpoints sharing one set of routing control states. An endpoint can
 * be made to answer 503 EndpointTemporarilyUnavailable, or closed so it refuses connections.
 */
public final class ArcClusterStandIn implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Boolean> unavailable = new ArrayList<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    final AtomicInteger updates = new AtomicInteger();

    public ArcClusterStandIn(Vertx vertx, int endpoints, Map<String, String> initial) throws Exception {
        states.putAll(initial);
        for (int i = 0; i < endpoints; i++) {
            int index = i;
            unavailable.add(false);
            servers.add(vertx.createHttpServer().requestHandler(req -> req.body()
                            .onSuccess(body -> route(index, req, body.toJsonObject())))
                    .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS));
        }
    }

    public URI url(int endpoint) {
        return URI.create("http://127.0.0.1:" + servers.get(endpoint).actualPort());
    }

    /** From now on {@code endpoint} answers 503, as a cluster endpoint whose region is impaired does. */
    public void unavailable(int endpoint) {
        unavailable.set(endpoint, true);
    }

    /** Closes {@code endpoint}: connections are refused. */
    public void down(int endpoint) throws Exception {
        servers.get(endpoint).close().await(10, TimeUnit.SECONDS);
    }

    /** The routing control's state: "On" or "Off". */
    public String state(String arn) {
        return states.get(arn);
    }

    private void route(int endpoint, HttpServerRequest req, JsonObject body) {
        String target = req.getHeader("X-Amz-Target");
        if (unavailable.get(endpoint)) {
            error(req, 503, "EndpointTemporarilyUnavailableException", "endpoint " + endpoint + " unavailable");
        } else if ("ToggleCustomerAPI.UpdateRoutingControlStates".equals(target)) {
            List<Object> entries = body.getJsonArray("UpdateRoutingControlStateEntries").getList();
            for (Object e : entries) {
                JsonObject entry = JsonObject.mapFrom(e);
                if (!states.containsKey(entry.getString("RoutingControlArn"))) {
                    error(req, 404, "ResourceNotFoundException", "no routing control " + entry.getString("RoutingControlArn"));
                    return;
                }
            }
            for (Object e : entries) {
                JsonObject entry = JsonObject.mapFrom(e);
                states.put(entry.getString("RoutingControlArn"), entry.getString("RoutingControlState"));
            }
            updates.incrementAndGet();
            req.response().putHeader("Content-Type", "application/x-amz-json-1.0").end("{}");
        } else {
            error(req, 400, "ValidationException", "unsupported operation " + target);
        }
    }

    private static void error(HttpServerRequest req, int status, String type, String message) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("x-amzn-ErrorType", type)
                .end(new JsonObject().put("__type", type).put("message", message).encode());
    }

    @Override
    public void close() {
        servers.forEach(HttpServer::close);
    }
}
