package houston.probes.http;

import houston.core.health.Outcome;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Decides what an answer means for a visitor: the status must be accepted, the body must carry
 * the canary's marker (substring or regex, looked for only in the bytes read, at most the body
 * cap), an optional header must be present with the expected value, and the whole answer must
 * arrive within the latency objective. Pure: no I/O.
 */
public final class ResponseJudge {

    private final Set<Integer> acceptedStatus;
    private final String marker;
    private final Pattern markerPattern;
    private final String headerName;
    private final String headerValue;

    private ResponseJudge(Set<Integer> acceptedStatus, String marker, Pattern markerPattern, String headerName,
                          String headerValue) {
        this.acceptedStatus = Set.copyOf(acceptedStatus);
        this.marker = marker;
        this.markerPattern = markerPattern;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    /** Accepts {@code status}; the body must contain {@code marker} (empty: no body check). */
    public static ResponseJudge substring(Set<Integer> status, String marker) {
        return new ResponseJudge(status, marker == null ? "" : marker, null, null, null);
    }

    /** Accepts {@code status}; the body must match {@code regex} somewhere. */
    public static ResponseJudge regex(Set<Integer> status, String regex) {
        return new ResponseJudge(status, null, Pattern.compile(regex), null, null);
    }

    /** The same checks, plus header {@code name} must equal {@code value} (null value: only present). */
    public ResponseJudge withHeader(String name, String value) {
        return new ResponseJudge(acceptedStatus, marker, markerPattern, name, value);
    }

    /**
     * The outcome of a complete (or capped) answer.
     *
     * @param headers  header lookup by name, null when absent
     * @param body     the body bytes read, decoded as UTF-8 (at most the cap)
     * @param latency  time from the start of the probe to the end of the answer
     * @param objective latency objective
     */
    public Outcome judge(int status, Function<String, String> headers, String body, Duration latency,
                         Duration objective) {
        if (!acceptedStatus.contains(status)) {
            return Outcome.HTTP_ERROR;
        }
        if (headerName != null) {
            String actual = headers.apply(headerName);
            if (actual == null || (headerValue != null && !headerValue.equals(actual))) {
                return Outcome.CONTENT_MISMATCH;
            }
        }
        boolean markerFound = markerPattern != null ? markerPattern.matcher(body).find() : body.contains(marker);
        if (!markerFound) {
            return Outcome.CONTENT_MISMATCH;
        }
        return latency.compareTo(objective) > 0 ? Outcome.SLOW : Outcome.OK;
    }

    /** True when the judge needs the body at all (no marker: stop reading after the headers). */
    public boolean needsBody() {
        return markerPattern != null || !marker.isEmpty();
    }
}
