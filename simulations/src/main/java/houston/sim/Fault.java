package houston.sim;

import java.time.Duration;
import java.util.Locale;

/**
 * One fault on the drill's timeline, {@code at} after the start, for {@code length}.
 *
 * <p>{@code amount} depends on the kind: the error fraction (brownout, partial, degrade: the
 * fraction reached at the end of the ramp), milliseconds (latency), the half-period in seconds
 * (flap), the failing fraction of DNS calls (dns-throttle), the lead-time multiplier (scaler-slow).
 *
 * @param target a location, a vantage (partition), or "" for DNS and scaler faults
 */
public record Fault(Kind kind, String target, Duration at, Duration length, double amount) {

    /** What goes wrong. */
    public enum Kind {
        /** The location stops answering: requests hang until their timeout (a blackhole). */
        OUTAGE,
        /** The location is down and refuses connections: requests fail after a connect round trip. */
        REFUSE,
        BROWNOUT, LATENCY, PARTIAL, DEGRADE,
        /** Alternately down (a blackhole) and up, each for half the period ({@code amount} seconds). */
        FLAP,
        PARTITION, DNS_THROTTLE, DNS_OUTAGE, SCALER_SLOW, SCALER_FAIL;

        /** The name used in drill files: outage, dns-throttle, ... */
        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Faults of the serving location itself: evacuating it is the right thing to do. */
        public boolean hitsLocation() {
            return this == OUTAGE || this == REFUSE || this == BROWNOUT || this == LATENCY || this == PARTIAL || this == DEGRADE
                    || this == FLAP;
        }

        /** Parses a drill file's kind name. */
        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.configName().equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("fault kind '" + name + "'");
        }
    }

    public Fault {
        if (at.isNegative() || length.isNegative()) {
            throw new IllegalArgumentException("fault " + kind.configName() + ": at and length must be >= 0");
        }
    }

    /** Milliseconds since the start at which it begins and ends. */
    public long startMs() {
        return at.toMillis();
    }

    public long endMs() {
        return at.toMillis() + length.toMillis();
    }

    public boolean activeAt(long ms) {
        return ms >= startMs() && ms < endMs();
    }

    /** Fraction of requests this fault fails at {@code ms} (0 when inactive or not an error fault). */
    public double errorFraction(long ms) {
        if (!activeAt(ms)) {
            return 0;
        }
        return switch (kind) {
            case OUTAGE, REFUSE -> 1.0;
            case BROWNOUT, PARTIAL -> amount;
            case DEGRADE -> amount * Math.min(1.0, (ms - startMs() + 1.0) / Math.max(1, length.toMillis() / 2.0));
            case FLAP -> ((ms - startMs()) / (long) Math.max(1000, amount * 1000)) % 2 == 0 ? 1.0 : 0.0;
            default -> 0.0;
        };
    }

    /** Extra latency (ms) this fault adds at {@code ms}. */
    public double latencyMs(long ms) {
        return kind == Kind.LATENCY && activeAt(ms) ? amount : 0;
    }

    @Override
    public String toString() {
        return kind.configName() + (target.isEmpty() ? "" : " " + target) + " at +" + at.toSeconds() + "s for "
                + length.toSeconds() + "s";
    }
}
