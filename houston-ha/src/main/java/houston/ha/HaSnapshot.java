package houston.ha;

import houston.core.engine.Overrides;

import java.util.List;
import java.util.Map;

/**
 * The small state every replica can read, written by the leader: who leads and since when, the
 * operator overrides with their expiry, each location's open incident and every incident's Slack
 * thread, and the journal checkpoint (the plan the leader wanted and the generation DNS holds).
 * A new leader continues from it: same pins, same incident ids, same threads, no generation twice.
 *
 * @param leader         the leading replica's id ("" before anyone led)
 * @param epoch          its epoch
 * @param since          when it took over (epoch ms)
 * @param at             the time of the tick whose state this is (epoch ms): it holds every operator
 *                       command applied until then, so a replica's journal is newer only for a command after it
 * @param overrides      freeze and pins, as the leader's engine holds them
 * @param incidents      location → its open incident id
 * @param threads        incident id → Slack thread
 * @param generation     the plan generation the leader wants live
 * @param liveGeneration the newest generation confirmed live in DNS
 * @param rows           the wanted plan's rows
 * @param fallback       the locations the DNS data plane holds out (confirmed by the leader's data plane):
 *                       every replica's health endpoint answers with it, and a new leader keeps it
 * @param failingSince   when the leader's DNS publishes started failing (epoch ms; 0: not failing)
 * @param liveRows       the rows DNS confirmed at {@code liveGeneration} (empty: not known): while publishes
 *                       fail they are not the wanted rows, and a new leader that cannot read DNS learns from
 *                       them which evacuations DNS already carries
 */
public record HaSnapshot(String leader, long epoch, long since, long at, Overrides overrides, Map<String, String> incidents,
                         Map<String, String> threads, long generation, long liveGeneration,
                         Map<String, Map<String, Double>> rows, List<String> fallback, long failingSince,
                         Map<String, Map<String, Double>> liveRows) {

    public static final HaSnapshot EMPTY = new HaSnapshot("", 0, 0, 0, Overrides.NONE, Map.of(), Map.of(), 0, 0, Map.of());

    /** A snapshot of a leader whose DNS publishes work and whose data plane holds nothing out. */
    public HaSnapshot(String leader, long epoch, long since, long at, Overrides overrides, Map<String, String> incidents,
                      Map<String, String> threads, long generation, long liveGeneration, Map<String, Map<String, Double>> rows) {
        this(leader, epoch, since, at, overrides, incidents, threads, generation, liveGeneration, rows, List.of(), 0);
    }

    /** A snapshot that does not know the rows DNS confirmed. */
    public HaSnapshot(String leader, long epoch, long since, long at, Overrides overrides, Map<String, String> incidents,
                      Map<String, String> threads, long generation, long liveGeneration,
                      Map<String, Map<String, Double>> rows, List<String> fallback, long failingSince) {
        this(leader, epoch, since, at, overrides, incidents, threads, generation, liveGeneration, rows, fallback,
                failingSince, Map.of());
    }

    public HaSnapshot {
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
        overrides = overrides == null ? Overrides.NONE : overrides;
        incidents = incidents == null ? Map.of() : Map.copyOf(incidents);
        threads = threads == null ? Map.of() : Map.copyOf(threads);
        rows = rows == null ? Map.of() : Map.copyOf(rows);
        liveRows = liveRows == null ? Map.of() : Map.copyOf(liveRows);
    }
}
