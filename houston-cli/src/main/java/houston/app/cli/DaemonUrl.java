package houston.app.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * {@code --url} as users type it, made the API's base: {@code HTTP://LOCALHOST:18080} (case does not
 * matter in a scheme or host), {@code http://host:18080/v1/status} (pasted from the README: the
 * API's own paths are dropped, or they would be appended twice and answer 404). What cannot be an
 * API base is a usage error saying why, never an "unexpected failure" from the HTTP client: a port
 * out of range, a query or fragment, another scheme. A user:password in it is never echoed.
 */
final class DaemonUrl {

    /** The API's own paths, longest first: what a user pasted after the base. */
    private static final List<String> API_PATHS = List.of("/v1/status", "/v1/locations", "/v1/plan", "/v1");

    private DaemonUrl() {
    }

    /** A --url that cannot be the API's base; the message is the whole usage line after "--url: ". */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The base to append /v1/... to, with no trailing slash. */
    static String base(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refused(url, "");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(url, ", without a user or password: the API takes none");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refused(url, ", without a query or fragment");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?") || uri.getHost() == null) {
            throw refused(url, "");
        }
        // URI takes any digits as a port; the HTTP client then failed with "port out of range", exit 1.
        if (uri.getPort() == 0 || uri.getPort() > 65535 || uri.getRawAuthority() != null && uri.getRawAuthority().endsWith(":")) {
            throw refused(url, ", PORT 1..65535");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        for (String api : API_PATHS) {
            if (path.toLowerCase(Locale.ROOT).endsWith(api)) {
                path = path.substring(0, path.length() - api.length());
                break;
            }
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path.replaceAll("/+$", "");
    }

    private static Refused refused(String url, String why) {
        return new Refused(shown(url) + " (expected: http://HOST:PORT" + why + ")");
    }

    /** The URL as it may be printed: a user:password before the host as ***, every control character escaped. */
    static String shown(String url) {
        return ApiText.safe(url.replaceFirst("^([^/]*//)[^/?#]*@", "$1***@"));
    }
}
