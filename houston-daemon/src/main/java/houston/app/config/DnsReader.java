package houston.app.config;

import houston.core.config.DnsFallbackConfig;
import houston.dns.SwitchSettings;
import houston.dns.route53.Route53HealthCheckSetup;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/** Reads {@code houston.dns}. */
final class DnsReader {

    private final ConfigReader in;

    DnsReader(ConfigReader in) {
        this.in = in;
    }

    DnsSettings read(java.util.Set<String> locations) {
        String p = "houston.dns.";
        String provider = in.string(p + "provider", "memory, file or route53");
        if (!provider.equals("memory") && !provider.equals("file") && !provider.equals("route53")) {
            in.problem(p + "provider", "memory, file or route53");
        }
        String zone = in.string(p + "zone", "a DNS zone such as houston.example.net.");
        if (!zone.matches("([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\\.)+[a-zA-Z]{2,63}\\.?")) {
            in.problem(p + "zone", "a DNS zone such as houston.example.net.");
        }
        Duration ttl = in.duration(p + "ttl", Duration.ofSeconds(1), Duration.ofDays(1));
        String writer = in.string(p + "writer-id", "a name, or \"\" for the host name");
        if (writer.isBlank()) {
            writer = hostName();
        }
        if (!writer.matches("[A-Za-z0-9_.:-]{1,128}")) {
            in.problem(p + "writer-id", "1-128 of A-Z a-z 0-9 _ . : -");
        }
        SwitchSettings switching = new SwitchSettings(writer,
                in.duration(p + "insync-timeout", Duration.ofSeconds(1), Duration.ofMinutes(30)),
                in.duration(p + "poll-interval", Duration.ofMillis(10), Duration.ofMinutes(1)),
                in.integer(p + "max-attempts", 1, 20),
                in.duration(p + "initial-backoff", Duration.ofMillis(1), Duration.ofMinutes(1)),
                in.duration(p + "max-backoff", Duration.ofMillis(1), Duration.ofMinutes(5)));
        if (switching.maxBackoff().compareTo(switching.initialBackoff()) < 0) {
            in.problem(p + "max-backoff", "at least initial-backoff=" + switching.initialBackoff().toMillis() + "ms");
        }
        String hostedZone = in.string(p + "route53.hosted-zone-id", "a hosted zone id such as Z0123456789ABC");
        if (provider.equals("route53") && hostedZone.isBlank()) {
            in.problem(p + "route53.hosted-zone-id", "a hosted zone id such as Z0123456789ABC when provider = route53");
        }
        String endpoint = in.string(p + "route53.endpoint", "an http(s) URL, or \"\" for AWS");
        URI uri = null;
        if (!endpoint.isBlank()) {
            try {
                uri = URI.create(endpoint);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                in.problem(p + "route53.endpoint", "an http(s) URL, or \"\" for AWS");
            }
        }
        DnsFallbackConfig.Mode mode = DnsFallbackConfig.Mode.parse(in.string(p + "fallback", "none, health-endpoint or arc"));
        return new DnsSettings(provider, zone, ttl.toSeconds(), switching,
                Path.of(in.string(p + "file", "a file path")), hostedZone, uri, new ArcReader(in).read(mode, locations),
                healthCheck(mode == DnsFallbackConfig.Mode.HEALTH_ENDPOINT), controlPlaneWatch());
    }

    /**
     * {@code houston.dns.control-plane-watch}: 0 or off, or 1s..10m. Under a second would spend the
     * API's request rate (Route 53: five a second per account) that publishes need.
     */
    private Duration controlPlaneWatch() {
        String key = "houston.dns.control-plane-watch";
        String expected = "off, 0, or a duration 1s..10m";
        if (in.config().hasPath(key) && "off".equals(String.valueOf(in.config().getValue(key).unwrapped()))) {
            return Duration.ZERO;
        }
        Duration every = in.duration(key, Duration.ZERO, Duration.ofMinutes(10));
        if (!every.isZero() && every.compareTo(Duration.ofSeconds(1)) < 0) {
            in.problem(key, expected);
        }
        return every;
    }

    /** {@code houston.dns.health-check}: what each location's Route 53 health check asks (health-endpoint). */
    private Route53HealthCheckSetup.Spec healthCheck(boolean used) {
        String p = "houston.dns.health-check.";
        String name = in.string(p + "name", "the name Route 53's checkers reach Houston at over HTTPS");
        // Blank is allowed here (run and drills do not need it); dns init refuses it, as it creates the checks.
        if (used && !name.isBlank() && !name.matches("([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}")) {
            in.problem(p + "name", "the name Route 53's checkers reach Houston at over HTTPS, such as "
                    + "houston.example.net, when houston.dns.fallback = health-endpoint");
        }
        int port = in.integer(p + "port", 1, 65535);
        Duration interval = in.duration(p + "interval", Duration.ofSeconds(10), Duration.ofSeconds(30));
        if (!interval.equals(Duration.ofSeconds(10)) && !interval.equals(Duration.ofSeconds(30))) {
            in.problem(p + "interval", "10s (fast checks) or 30s: the only intervals Route 53 offers");
        }
        int threshold = in.integer(p + "failure-threshold", 1, 10);
        return new Route53HealthCheckSetup.Spec(name, port, interval, threshold);
    }

    /** {@code houston.dns.fallback} and {@code fallback-after}: the engine acts on them, so they are read into its config. */
    static DnsFallbackConfig fallback(ConfigReader in) {
        String p = "houston.dns.";
        String expected = "none, health-endpoint or arc";
        DnsFallbackConfig.Mode mode = DnsFallbackConfig.Mode.parse(in.string(p + "fallback", expected));
        if (mode == null) {
            in.problem(p + "fallback", expected);
            mode = DnsFallbackConfig.Mode.NONE;
        }
        // Below ~10 s a publish that merely retries (throttling, a slow INSYNC) would trip the data plane.
        Duration after = in.duration(p + "fallback-after", Duration.ofSeconds(10), Duration.ofHours(1));
        String provider = in.string(p + "provider", "memory, file or route53");
        // The fallback acts on Route 53; the lab's in-memory zone answers as Route 53's health checks would.
        boolean served = provider.equals("route53")
                || provider.equals("memory") && mode == DnsFallbackConfig.Mode.HEALTH_ENDPOINT;
        if (mode != DnsFallbackConfig.Mode.NONE && !served) {
            in.problem(p + "fallback", "none unless houston.dns.provider = route53, or memory for health-endpoint "
                    + "(the lab's zone honours /v1/dns-health)");
        }
        return new DnsFallbackConfig(mode, after);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "houston";
        }
    }
}
