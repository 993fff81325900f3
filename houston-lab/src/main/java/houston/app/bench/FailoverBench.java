package houston.app.bench;

import houston.app.config.HoustonConfigLoader;
import houston.app.lab.Lab;
import houston.app.lab.LabControllers;
import io.vertx.core.json.JsonObject;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code houston bench failover}: the lab with three replicas, the leader killed N times; each time,
 * how long from the kill until another replica acts and has ticked as leader (the tick in which it
 * publishes whatever its plan differs from DNS). A kill with no new leader within {@link #GIVE_UP_S}
 * is a failure: reported, and the run is INVALID.
 */
public final class FailoverBench {

    private static final int GIVE_UP_S = 30;

    private FailoverBench() {
    }

    /** @return whether the run is valid (every kill handed over) */
    public static boolean run(PrintWriter out, int kills) throws Exception {
        Path dir = Files.createTempDirectory("houston-failover");
        List<Double> handover = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (Lab lab = Lab.start(HoustonConfigLoader.load(null), 0, dir, new PrintStream(OutputStream.nullOutputStream()), 3)) {
            LabControllers replicas = lab.controllers();
            for (int i = 0; i < kills; i++) {
                int leader = leaderWithin(replicas, 0, GIVE_UP_S);
                if (leader == 0) {
                    failures.add("kill " + (i + 1) + ": no leader to kill within " + GIVE_UP_S + " s");
                    break;
                }
                long killed = System.nanoTime();
                replicas.fault(leader, "kill");
                int next = leaderWithin(replicas, leader, GIVE_UP_S);
                double s = next == 0 ? -1 : tickedWithin(replicas, next, killed);
                if (s < 0) {
                    failures.add("kill " + (i + 1) + ": replica-" + leader + " killed, no replica led and ticked within "
                            + GIVE_UP_S + " s: " + replicas.state().encode());
                } else {
                    handover.add(s);
                    out.printf(Locale.ROOT, "  kill %2d/%d replica-%d -> replica-%d leads and ticks after %.1fs%n",
                            i + 1, kills, leader, next, s);
                }
                replicas.fault(leader, "clear");
                out.flush();
            }
        }
        if (!handover.isEmpty()) {
            out.printf(Locale.ROOT, "%n%-26s %8s %8s %8s%n", "failover (3 replicas)", "p50", "p95", "max");
            TtmBench.row(out, "leader killed -> acting", handover);
            out.printf(Locale.ROOT, "(session timeout 6 s, ZooKeeper tick 300 ms, daemon tick 1 s; %d kills)%n",
                    handover.size());
        }
        failures.forEach(f -> out.println("FAILURE " + f));
        if (!failures.isEmpty()) {
            out.printf("INVALID: %d of %d kills failed%n", failures.size(), kills);
        }
        return failures.isEmpty();
    }

    /** The acting replica other than {@code not}, 1-based, once exactly one acts; 0 if none within the time. */
    private static int leaderWithin(LabControllers replicas, int not, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Integer> acting = replicas.state().stream().map(JsonObject.class::cast)
                    .filter(r -> r.getBoolean("acting")).map(r -> r.getInteger("replica")).toList();
            if (acting.size() == 1 && acting.get(0) != not) {
                return acting.get(0);
            }
            Thread.sleep(20);
        }
        return 0;
    }

    /** Seconds from the kill until replica {@code n} has ticked since it led; -1 past the deadline. */
    private static double tickedWithin(LabControllers replicas, int n, long killed) throws InterruptedException {
        long at = replicas.replica(n).daemon().loop().state().tick();
        long deadline = killed + GIVE_UP_S * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (replicas.replica(n).daemon().loop().state().tick() > at) {
                return (System.nanoTime() - killed) / 1e9;
            }
            Thread.sleep(20);
        }
        return -1;
    }
}
