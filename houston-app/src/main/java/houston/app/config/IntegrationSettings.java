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
 */
public record IntegrationSettings(List<CanarySite> sites, List<Path> trustPem, Api api, Agent agent,
                                  Signals signals) {

    public IntegrationSettings {
        sites = List.copyOf(sites);
        trustPem = List.copyOf(trustPem);
    }

    /** @param tokenFile shared-secret file, or null when signed pushes are off */
    public record Api(Path tokenFile, Duration replayWindow, long maxBodyBytes) {
    }

    public record Agent(int buffer, int batch, Duration flushInterval) {
    }

    /** @param url Prometheus base URL, or null when off */
    public record Signals(URI url, Duration interval, List<SignalQuery> queries) {

        public Signals {
            queries = List.copyOf(queries);
        }
    }
}
