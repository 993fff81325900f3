package houston.app.config;

import java.nio.file.Path;

/**
 * Where the daemon listens, journals, and which vantage it is.
 *
 * @param vantage the daemon's own vantage name (one of houston.health.vantages)
 */
public record DaemonSettings(String host, int port, Path journalDir, long journalMaxBytes, int journalKeepFiles,
                             String vantage) {
}
