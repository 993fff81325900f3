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

    /**
     * A pin of one location to a target until an expiry, set by someone. {@code reason} is an evacuation's
     * reason, or {@code pinned TARGET[: reason]} for a pin command's, so a restart can give either again.
     */
    public record PinOverride(PinTarget target, long until, String by, String reason) {

        static String pinned(PinTarget target, String reason) {
            String set = "pinned " + target.name().toLowerCase(java.util.Locale.ROOT);
            return reason == null || reason.isBlank() ? set : set + ": " + reason;
        }

        /** Whether a pin command set it (an evacuate command sets the other pins to evacuated). */
        public boolean setByPin() {
            String set = pinned(target, null);
            return reason != null && (reason.equals(set) || reason.startsWith(set + ": "));
        }

        /** The reason the pin command gave, null when it gave none or an evacuate command set the pin. */
        public String pinReason() {
            return setByPin() && reason.length() > pinned(target, null).length()
                    ? reason.substring(pinned(target, null).length() + 2) : null;
        }
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
