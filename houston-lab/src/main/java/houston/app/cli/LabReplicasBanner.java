package houston.app.cli;

import houston.app.lab.LabControllers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** {@code houston lab --replicas N}: the banner's replica list, and {@code houston lab fault controller N ...}. */
final class LabReplicasBanner {

    /** ZooKeeper elects within seconds of the replicas joining; the banner names the leader if it can. */
    private static final Duration ELECTION_WAIT = Duration.ofSeconds(20);

    private LabReplicasBanner() {
    }

    static void print(LabControllers controllers, int labPort, PrintWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + ELECTION_WAIT.toNanos();
        JsonArray state = controllers.state();
        while (leader(state) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            state = controllers.state();
        }
        out.printf("%d replicas on an in-process ZooKeeper ensemble (3 servers):%n", state.size());
        for (int i = 0; i < state.size(); i++) {
            JsonObject r = state.getJsonObject(i);
            out.printf("  replica-%d  http://localhost:%d/%s%n", r.getInteger("replica"), r.getInteger("port"),
                    r.getBoolean("acting") ? "   <- leads" : "");
        }
        String fault = "./houston lab fault" + (labPort == LabCommand.DEFAULT_PORT ? "" : " --port " + labPort);
        int leader = leader(state);
        out.printf("""
                %s
                Kill or cut off a replica, and bring it back:
                  %s controller %d kill        (stops it abruptly: another leads once its session expires)
                  %s controller %d partition   (it runs on, cut off from the ensemble: it stops acting)
                  %s controller %d clear
                %n""", leader == 0 ? "No leader yet: watch each replica's /v1/status (ha.acting)." : "",
                fault, Math.max(leader, 1), fault, Math.max(leader, 1), fault, Math.max(leader, 1));
        out.flush();
    }

    /** The replica that acts, 1-based; 0 for none. */
    static int leader(JsonArray state) {
        for (int i = 0; i < state.size(); i++) {
            if (state.getJsonObject(i).getBoolean("acting")) {
                return state.getJsonObject(i).getInteger("replica");
            }
        }
        return 0;
    }

    /** {@code controller N kill|partition|clear}: the words after 'controller'; an exit code. */
    static int fault(List<String> words, int port, PrintWriter out, PrintWriter err) throws InterruptedException {
        if (words.size() == 2 && words.get(0).matches("-?\\d+") && !words.get(0).matches("[1-9]")) {
            err.println("houston lab fault: controller: " + words.get(0) + " (expected: a replica 1..9, at most the lab's "
                    + "--replicas)");
            return 2;
        }
        if (words.size() != 2 || !words.get(0).matches("[1-9]")) {
            err.println("houston lab fault: controller " + String.join(" ", words)
                    + " (expected: controller N kill|partition|clear)");
            return 2;
        }
        String body = new JsonObject().put("replica", Integer.parseInt(words.get(0))).put("fault", words.get(1)).encode();
        HttpResponse<String> r;
        try {
            // A kill closes a daemon and a clear starts one: seconds, not milliseconds.
            r = LabFaultCommand.post(port, "/lab/controllers", body, Duration.ofSeconds(60));
        } catch (CappedBody.TooLarge e) {
            err.println("houston lab fault: " + e.getMessage());
            return 3;
        } catch (IOException e) {
            err.println("houston lab fault: no lab answering on port " + port + " (start one with ./houston lab --replicas 3)");
            return 3;
        }
        if (r.statusCode() == 404) {
            err.println("houston lab fault: the lab on port " + port + " has no replicas (start it with --replicas 3)");
            return 2;
        }
        if (r.statusCode() != 200) {
            err.println("houston lab fault: " + ApiText.safe(new JsonObject(r.body()).getString("error")));
            return 2;
        }
        out.println("controllers now: " + ApiText.safe(r.body().replaceAll("\\s+", " ")));
        return 0;
    }
}
