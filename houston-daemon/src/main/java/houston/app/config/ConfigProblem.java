package houston.app.config;

/**
 * One thing wrong with the configuration, said so a human can fix it:
 * {@code houston.health.quorum: 5 (expected: 1..vantages=3) in config/houston.conf:42}.
 */
public record ConfigProblem(String key, String value, String expected, String origin) {

    public String render() {
        return key + ": " + value + " (expected: " + expected + ")" + (origin == null || origin.isBlank() ? "" : " in " + origin);
    }
}
