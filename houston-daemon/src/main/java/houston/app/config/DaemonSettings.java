package houston.app.config;

import java.nio.file.Path;

/**
 * Where the daemon listens, journals, and which vantage it is.
 *
 * @param vantage        the daemon's own vantage name (one of houston.health.vantages)
 * @param maxConnections HTTP connections open at once (further ones are closed at once)
 * @param maxConnectionsPerClient of those, how many one client address may hold
 * @param headerTimeout  how long a connection may take to send a request's headers, from opening or its last answer
 * @param idleTimeout    a connection silent this long mid-request is closed
 */
public record DaemonSettings(String host, int port, Path journalDir, long journalMaxBytes, int journalKeepFiles,
                             String vantage, int maxConnections, int maxConnectionsPerClient, java.time.Duration headerTimeout,
                             java.time.Duration idleTimeout) {
}
