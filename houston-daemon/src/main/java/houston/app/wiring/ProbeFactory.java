package houston.app.wiring;

import houston.app.config.HoustonSettings;
import houston.probes.http.VertxHttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;

import java.nio.file.Path;
import java.time.Clock;

/** Builds the HTTP probe from the settings: timeouts, body cap and the extra trust anchors. */
public final class ProbeFactory {

    private ProbeFactory() {
    }

    public static VertxHttpProbe probe(Vertx vertx, HoustonSettings settings, Clock clock) {
        PemTrustOptions trust = null;
        if (!settings.outside().trustPem().isEmpty()) {
            trust = new PemTrustOptions();
            for (Path pem : settings.outside().trustPem()) {
                trust.addCertPath(pem.toString());
            }
        }
        return new VertxHttpProbe(vertx, settings.probes(), trust, clock);
    }
}
