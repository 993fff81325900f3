package houston.capacity;

import java.util.List;

/**
 * A failure no instance count can absorb: even with every receiver at its maximum, {@code unplacedRps}
 * of the lost catchments found no room. Raising the named receivers' max-instances is the fix.
 */
public record Shortfall(List<String> failed, double unplacedRps, List<String> receiversAtMax) {

    public Shortfall {
        failed = List.copyOf(failed);
        receiversAtMax = List.copyOf(receiversAtMax);
    }
}
