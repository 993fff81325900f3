package houston.probes.http;

import houston.core.health.Observation;

/**
 * One probe's observation plus what the adapter saw on the way: bytes received (the body kept is
 * never more than the cap) and a short detail for logs ("status 503", "SSLHandshakeException: …").
 */
public record ProbeResult(Observation observation, long bytesReceived, int bytesKept, String detail) {
}
