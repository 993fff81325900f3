package houston.app.config;

import com.typesafe.config.Config;
import houston.probes.http.CanarySite;
import houston.probes.http.ResponseJudge;
import houston.probes.signals.SignalQuery;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/** Reads probes.sites, probes.trust-pem, api, agent and signals.prometheus. */
final class IntegrationReader {

    private static final Set<String> SITE_FIELDS = Set.of("host", "path", "port", "tls", "status", "marker",
            "marker-regex", "header", "header-value");
    private static final Set<String> QUERY_FIELDS = Set.of("location", "service", "expr", "degraded", "failing",
            "higher-is-worse");

    private final ConfigReader in;

    IntegrationReader(ConfigReader in) {
        this.in = in;
    }

    IntegrationSettings read(Set<String> locations) {
        return new IntegrationSettings(sites(), trustPem(), api(), agent(), signals(locations),
                new DemandReader(in).read(locations));
    }

    private List<CanarySite> sites() {
        List<CanarySite> sites = new ArrayList<>();
        List<? extends Config> list = in.configList("houston.probes.sites");
        if (list.isEmpty()) {
            in.problem("houston.probes.sites", "at least one canary site");
        }
        for (int i = 0; i < list.size(); i++) {
            ConfigReader site = in.element(list.get(i), "houston.probes.sites[" + i + "]", SITE_FIELDS);
            String host = site.string("host", "the canary site's host name");
            String path = site.config().hasPath("path") ? site.string("path", "a request path") : "/";
            int port = site.config().hasPath("port") ? site.integer("port", 1, 65535) : 443;
            boolean tls = !site.config().hasPath("tls") || site.bool("tls");
            Set<Integer> status = new HashSet<>();
            for (Double code : site.config().hasPath("status") ? site.numbers("status") : List.of(200.0)) {
                status.add(code.intValue());
            }
            ResponseJudge check = judge(site, status);
            if (site.config().hasPath("header")) {
                check = check.withHeader(site.string("header", "a header name"),
                        site.config().hasPath("header-value") ? site.string("header-value", "a header value") : null);
            }
            sites.add(new CanarySite(host, path, port, tls, check));
        }
        return sites;
    }

    private ResponseJudge judge(ConfigReader site, Set<Integer> status) {
        if (site.config().hasPath("marker-regex")) {
            try {
                return ResponseJudge.regex(status, site.string("marker-regex", "a regular expression"));
            } catch (PatternSyntaxException e) {
                site.problem("marker-regex", "a valid regular expression (" + e.getDescription() + ")");
            }
        }
        return ResponseJudge.substring(status, site.config().hasPath("marker") ? site.string("marker", "a substring") : "");
    }

    private List<Path> trustPem() {
        List<Path> paths = new ArrayList<>();
        for (String file : in.strings("houston.probes.trust-pem")) {
            Path p = Path.of(file);
            if (!Files.isReadable(p)) {
                in.problem("houston.probes.trust-pem", "readable PEM files; cannot read " + file);
            }
            paths.add(p);
        }
        return paths;
    }

    private IntegrationSettings.Api api() {
        Path tokenFile = in.secretFile("houston.api.token-file", "the shared secret", 16);
        return new IntegrationSettings.Api(tokenFile,
                in.duration("houston.api.replay-window", Duration.ofSeconds(5), Duration.ofMinutes(15)),
                in.bytes("houston.api.max-body", 1024, 256L * 1024 * 1024));
    }

    private IntegrationSettings.Agent agent() {
        return new IntegrationSettings.Agent(in.integer("houston.agent.buffer", 1, 10_000_000),
                in.integer("houston.agent.batch", 1, 20_000),
                in.duration("houston.agent.flush-interval", Duration.ofMillis(100), Duration.ofMinutes(5)));
    }

    private IntegrationSettings.Signals signals(Set<String> locations) {
        String p = "houston.signals.prometheus.";
        URI uri = prometheusUrl(in, p + "url");
        List<SignalQuery> queries = new ArrayList<>();
        List<? extends Config> list = in.configList(p + "queries");
        for (int i = 0; i < list.size(); i++) {
            ConfigReader q = in.element(list.get(i), p + "queries[" + i + "]", QUERY_FIELDS);
            String location = q.string("location", "a location id");
            if (!location.isEmpty() && !locations.isEmpty() && !locations.contains(location)) {
                q.problem("location", "one of " + new java.util.TreeSet<>(locations));
            }
            boolean higher = !q.config().hasPath("higher-is-worse") || q.bool("higher-is-worse");
            double degraded = q.number("degraded", -1e12, 1e12, "a number");
            double failing = q.number("failing", -1e12, 1e12, "a number");
            if (higher ? failing < degraded : failing > degraded) {
                q.problem("failing", (higher ? "at least" : "at most") + " degraded=" + degraded);
                continue;
            }
            queries.add(new SignalQuery(location, q.string("service", "a service name"), q.string("expr", "a PromQL expression"),
                    degraded, failing, higher));
        }
        return new IntegrationSettings.Signals(uri, in.duration(p + "interval", Duration.ofSeconds(1), Duration.ofHours(1)),
                queries);
    }

    /** A Prometheus base URL at {@code key}, or null when blank (off) or wrong (a problem is recorded). */
    static URI prometheusUrl(ConfigReader in, String key) {
        String url = in.string(key, "an http(s) URL, or \"\" for off");
        if (url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            in.problem(key, "an http(s) URL such as http://prometheus:9090");
            return null;
        }
    }
}
