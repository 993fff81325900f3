package houston.core.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The data-plane path that evacuates a location when the DNS provider's control plane (the API
 * every weight change goes through) keeps failing.
 *
 * @param mode  none, health-endpoint (Route 53 health checks probe Houston) or arc (Route 53
 *              Application Recovery Controller routing controls)
 * @param after how long publishes must have been failing before the fallback engages: shorter
 *              moves traffic sooner, longer leaves the precise weighted path more time to recover
 */
public record DnsFallbackConfig(Mode mode, Duration after) {

    /** Which data-plane lever, if any, Houston pulls when publishing fails. */
    public enum Mode {
        NONE("none", "no fallback"),
        HEALTH_ENDPOINT("health-endpoint", "health-check failover"),
        ARC("arc", "ARC routing controls");

        private final String key;
        private final String label;

        Mode(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** The value of {@code houston.dns.fallback}. */
        public String key() {
            return key;
        }

        /** How humans read the path in Slack and explanations. */
        public String label() {
            return label;
        }

        /** The mode named {@code key} (case-insensitive), or null. */
        public static Mode parse(String key) {
            for (Mode m : values()) {
                if (m.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            return null;
        }
    }

    public static DnsFallbackConfig defaults() {
        return new DnsFallbackConfig(Mode.NONE, Duration.ofMinutes(2));
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }
}
