package houston.core.plan;

import java.util.List;

/**
 * Where a moved share of one catchment goes.
 *
 * @param origin      the catchment whose demand moves
 * @param movedRps    requests/s to move
 * @param receivers   who takes what, nearest first
 * @param unplacedRps requests/s no receiver could take without passing its maximum capacity;
 *                    they stay where they were, and the engine says so
 * @param notes       why candidates nearer than the chosen receivers were passed over
 */
public record Placement(String origin, double movedRps, List<ReceiverShare> receivers, double unplacedRps,
                        List<String> notes) {

    public Placement {
        receivers = List.copyOf(receivers);
        notes = List.copyOf(notes);
    }

    /** Fraction of the moved demand that found a receiver. */
    public double placedFraction() {
        return movedRps == 0 ? 1.0 : (movedRps - unplacedRps) / movedRps;
    }
}
