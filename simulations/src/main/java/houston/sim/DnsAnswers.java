package houston.sim;

import houston.core.model.TrafficPlan;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What each catchment's clients are told by DNS in a run: the weights last published, minus the
 * records the data-plane fallback drops ({@link DataPlaneAnswers}). Every catchment whose answer
 * changes starts moving its clients in the world; a shift is counted once per change of answers.
 */
final class DnsAnswers {

    private final SimWorld world;
    private final DataPlaneAnswers dataPlane;
    private final double[][] published;
    private final double[][] answered;
    private Set<Integer> dropped = Set.of();
    private Runnable onShift = () -> { };

    /** Everyone served at home, as a zone starts. */
    DnsAnswers(SimWorld world, DataPlaneAnswers dataPlane) {
        this.world = world;
        this.dataPlane = dataPlane;
        int n = world.size();
        published = new double[n][];
        answered = new double[n][];
        for (int c = 0; c < n; c++) {
            published[c] = new double[n];
            published[c][c] = 1.0;
        }
        for (int c = 0; c < n; c++) {
            answered[c] = dataPlane.answer(c, published, dropped);
            world.publish(c, 0, answered[c]);
        }
    }

    /** Called when a change of weights or of dropped records changed what clients are told. */
    void onShift(Runnable shifted) {
        this.onShift = shifted;
    }

    /** Each catchment's share answered at home now (the data-plane floors may keep a sliver away). */
    double[] homeShares() {
        double[] home = new double[world.size()];
        for (int c = 0; c < home.length; c++) {
            home[c] = answered[c][c];
        }
        return home;
    }

    /** A plan live in the zone at {@code ms}. */
    void publish(long ms, TrafficPlan plan) {
        for (int c = 0; c < world.size(); c++) {
            published[c] = plan.row(c);
        }
        answer(ms);
    }

    /** The data plane drops the records of {@code locations} from {@code ms} on. */
    void drop(long ms, List<String> locations) {
        Set<Integer> next = new HashSet<>();
        locations.forEach(id -> next.add(world.topology().indexOf(id)));
        dropped = Set.copyOf(next);
        answer(ms);
    }

    private void answer(long ms) {
        boolean changed = false;
        for (int c = 0; c < world.size(); c++) {
            double[] row = dataPlane.answer(c, published, dropped);
            if (!Arrays.equals(row, answered[c])) {
                answered[c] = row;
                world.publish(c, ms, row);
                changed = true;
            }
        }
        if (changed) {
            onShift.run();
        }
    }
}
