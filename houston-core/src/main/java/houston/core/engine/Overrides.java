package houston.core.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operator overrides in force: a global freeze and per-location pins, each with an expiry.
 *
 * @param frozenUntil epoch ms the freeze ends, 0 when not frozen
 * @param frozenBy    who froze, and why
 * @param pins        location id → pin
 */
public record Overrides(long frozenUntil, String frozenBy, Map<String, PinOverride> pins) {

    public static final Overrides NONE = new Overrides(0, null, Map.of());

    public Overrides {
        pins = Collections.unmodifiableMap(new TreeMap<>(pins));
    }

    /** A pin of one location to a target until an expiry, set by someone. */
    public record PinOverride(PinTarget target, long until, String by, String reason) {
    }

    public boolean frozen(long now) {
        return frozenUntil > now;
    }

    public PinTarget pin(String location) {
        PinOverride pin = pins.get(location);
        return pin == null ? null : pin.target();
    }

    public Overrides withFreeze(long until, String by) {
        return new Overrides(until, by, pins);
    }

    public Overrides withPin(String location, PinOverride pin) {
        Map<String, PinOverride> next = new TreeMap<>(pins);
        if (pin == null) {
            next.remove(location);
        } else {
            next.put(location, pin);
        }
        return new Overrides(frozenUntil, frozenBy, next);
    }
}
