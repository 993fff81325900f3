package houston.app.config;

import houston.probes.http.CanarySite;
import houston.probes.signals.SignalQuery;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How Houston meets the outside world: what it probes, whom it trusts, how pushes are signed,
 * how agents buffer, and where service signals come from.
 *
 * @param sites     canary sites probed at every edge of every location
 * @param trustPem  extra CA certificates for HTTPS probes (empty: JDK defaults)
 * @param api       signed-push settings
 * @param agent     agent buffering
 * @param signals   Prometheus-query signals (url null: off)
 * @param demand    where measured demand per catchment is read (provider none: the configured peaks)
 */
public record IntegrationSettings(List<CanarySite> sites, List<Path> trustPem, Api api, Agent agent,
                                  Signals signals, Demand demand) {

    public IntegrationSettings {
        sites = List.copyOf(sites);
        trustPem = List.copyOf(trustPem);
        demand = demand == null ? Demand.NONE : demand;
    }

    /** Without a demand source: the engine plans on configured peak demand. */
    public IntegrationSettings(List<CanarySite> sites, List<Path> trustPem, Api api, Agent agent, Signals signals) {
        this(sites, trustPem, api, agent, signals, null);
    }

    /** @param tokenFile shared-secret file, or null when signed pushes are off */
    public record Api(Path tokenFile, Duration replayWindow, long maxBodyBytes) {
    }

    public record Agent(int buffer, int batch, Duration flushInterval) {
    }

    /**
     * Measured demand, read from Prometheus.
     *
     * @param provider  none or prometheus
     * @param url       Prometheus base URL (null unless prometheus)
     * @param interval  how often the queries run
     * @param timeout   how long one query may take
     * @param query     one PromQL query answering a sample per catchment, labelled {@code location} ("" if per location)
     * @param queries   location id → a PromQL query answering that catchment's requests/s
     */
    public record Demand(String provider, URI url, Duration interval, Duration timeout, String query,
                         java.util.Map<String, String> queries) {

        public static final Demand NONE = new Demand("none", null, Duration.ofSeconds(15), Duration.ofSeconds(5), "",
                java.util.Map.of());

        public Demand {
            queries = java.util.Map.copyOf(queries);
        }

        public boolean enabled() {
            return !provider.equals("none");
        }
    }

    /** @param url Prometheus base URL, or null when off */
    public record Signals(URI url, Duration interval, List<SignalQuery> queries) {

        public Signals {
            queries = List.copyOf(queries);
        }
    }
}
