package houston.app.config;

import com.typesafe.config.Config;
import houston.capacity.KubernetesScaler.Workload;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code houston.scaler}; a provider's required keys are checked only when it is chosen. */
final class ScalerReader {

    private static final Set<String> WORKLOAD_FIELDS = Set.of("context", "namespace", "deployment", "hpa");

    private final ConfigReader in;

    ScalerReader(ConfigReader in) {
        this.in = in;
    }

    /**
     * @param longestLead the longest scale-up-lead-time of the topology: a scale-up is given
     *                    {@code ready-lead-times} of it before it counts as timed out, if that is longer
     *                    than {@code ready-timeout}
     */
    ScalerSettings read(Set<String> locations, Duration longestLead) {
        String p = "houston.scaler.";
        String provider = in.string(p + "provider", "lab, webhook or kubernetes");
        if (!Set.of("lab", "webhook", "kubernetes").contains(provider)) {
            in.problem(p + "provider", "lab, webhook or kubernetes");
        }
        URI scale = url(p + "webhook.scale-url", provider.equals("webhook"));
        URI status = url(p + "webhook.status-url", provider.equals("webhook"));
        Map<String, String> contexts = new HashMap<>();
        Map<String, Workload> workloads = new HashMap<>();
        Config k8s = in.config().getConfig(p + "kubernetes.locations");
        for (String location : new TreeSet<>(k8s.root().keySet())) {
            String where = p + "kubernetes.locations." + location;
            if (!locations.contains(location)) {
                in.problem(where, "a location of the topology");
                continue;
            }
            ConfigReader w = in.element(k8s.getConfig("\"" + location + "\""), where, WORKLOAD_FIELDS);
            contexts.put(location, w.config().hasPath("context") ? w.string("context", "a kubeconfig context") : "");
            workloads.put(location, new Workload(w.string("namespace", "a namespace"), w.string("deployment", "a deployment"),
                    w.config().hasPath("hpa") && !w.string("hpa", "an HPA name").isBlank() ? w.string("hpa", "") : null));
        }
        if (provider.equals("kubernetes")) {
            Set<String> missing = new TreeSet<>(locations);
            missing.removeAll(workloads.keySet());
            if (!missing.isEmpty()) {
                in.problem(p + "kubernetes.locations", "a workload for every location; missing: " + missing);
            }
        }
        return new ScalerSettings(provider, readyTimeout(p, longestLead),
                in.duration(p + "poll-interval", Duration.ofMillis(10), Duration.ofMinutes(5)),
                in.number(p + "lab.lead-time-scale", 0, 10, "0..10"), scale, status,
                in.duration(p + "webhook.request-timeout", Duration.ofMillis(100), Duration.ofMinutes(5)), contexts, workloads);
    }

    /**
     * A scale-up late by a few lead times is late, not failed: capacity crunches during a regional outage
     * (every neighbour scaling at once) make scalers several times slower than their usual lead time, and a
     * fixed 10 min timed out every scale-up 3x slower than a 4-6 min lead time — a page, and the receiver
     * planned on its ready instances, for capacity that arrived minutes later. A scaler that answers FAILED
     * is still told at once; one that never answers pages after the longer of the two.
     */
    private Duration readyTimeout(String p, Duration longestLead) {
        Duration fixed = in.duration(p + "ready-timeout", Duration.ofSeconds(1), Duration.ofHours(2));
        Duration derived = longestLead.multipliedBy(in.integer(p + "ready-lead-times", 0, 20));
        return derived.compareTo(fixed) > 0 ? derived : fixed;
    }

    private URI url(String key, boolean required) {
        String value = in.string(key, "an http(s) URL");
        if (value.isBlank()) {
            if (required) {
                in.problem(key, "an http(s) URL when houston.scaler.provider = webhook");
            }
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            in.problem(key, "an http(s) URL");
            return null;
        }
    }
}
