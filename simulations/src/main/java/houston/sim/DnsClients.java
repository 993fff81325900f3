package houston.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one catchment's users really go: the mix of every answer DNS has given, weighted by
 * how many clients still hold it. With answers published at t0 &lt; t1 &lt; ... the share of
 * clients on answer i is {@code stale(now - t(i+1)) - stale(now - t(i))} (those whose last refresh
 * fell between the two), the newest answer's upper bound being now. Answers nobody holds any more
 * are dropped, so the cost per call is O(answers still held × locations), usually one or two.
 */
final class DnsClients {

    private static final double NEGLIGIBLE = 1e-4;

    private record Answer(double at, double[] row) {
    }

    private final TtlModel ttl;
    private final List<Answer> answers = new ArrayList<>();

    DnsClients(TtlModel ttl, double[] initialRow) {
        this.ttl = ttl;
        answers.add(new Answer(Double.NEGATIVE_INFINITY, initialRow.clone()));
    }

    /** How these clients follow a change. */
    TtlModel ttl() {
        return ttl;
    }

    /** The authoritative answer changes to {@code row} at {@code seconds}. */
    void publish(double seconds, double[] row) {
        answers.add(new Answer(seconds, row.clone()));
    }

    /** The effective split of this catchment's traffic at {@code seconds}, written into {@code into}. */
    void effective(double seconds, double[] into) {
        java.util.Arrays.fill(into, 0);
        int n = answers.size();
        double newer = 1.0;
        int firstHeld = 0;
        for (int i = n - 1; i >= 0; i--) {
            double older = i == 0 ? 0.0 : ttl.stale(seconds - answers.get(i).at());
            double share = newer - older;
            double[] row = answers.get(i).row();
            for (int l = 0; l < row.length; l++) {
                into[l] += share * row[l];
            }
            if (older < NEGLIGIBLE && firstHeld == 0) {
                firstHeld = i;
            }
            newer = older;
            if (older == 0.0) {
                break;
            }
        }
        if (firstHeld > 0) {
            answers.subList(0, firstHeld).clear();
        }
    }
}
