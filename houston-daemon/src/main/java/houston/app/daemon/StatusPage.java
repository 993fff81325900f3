package houston.app.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The status page: the locations on a world map (Natural Earth's coastline, see tools/world-map),
 * labels placed so they do not overlap, evacuated catchments drawn as flows to their receivers with
 * their shares, fail-static and discounted vantages, the HA leader, the data's time and a "stale"
 * banner when the daemon stops answering or ticking. One self-contained HTML document polling the
 * API every two seconds: nothing fetched from elsewhere, so it works on a host without internet.
 */
final class StatusPage {

    static final String HTML = resource("status/index.html").replace("__LAND__", resource("status/land.path").strip());

    private StatusPage() {
    }

    private static String resource(String name) {
        try (InputStream in = StatusPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
