package houston.app.lab;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may write to the lab (POST /lab/faults, /lab/controllers). Any web page the user visits could
 * otherwise break their lab: a form or fetch() may POST text/plain cross-origin without a preflight.
 * JSON needs one, and a browser says where a write comes from (Origin, Sec-Fetch-Site); the CLI sends
 * neither, the status page is same-origin. Same-origin alone is not enough: a page whose name is
 * rebound to 127.0.0.1 is same-origin with itself, so the Host it sends must be a loopback name too.
 */
final class LabWriteGuard {

    /** The names the lab is reached by: it listens on loopback only. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    private LabWriteGuard() {
    }

    /** The route handler: refuses with 403 (where from) or 415 (not JSON), or passes the write on. */
    static void sameOriginJsonOnly(RoutingContext ctx) {
        for (String once : List.of("Host", "Sec-Fetch-Site")) {
            int sent = ctx.request().headers().getAll(once).size();
            if (sent > 1) {
                // Which one a server reads is a guess (the first passed the loopback check, the second was evil.com).
                LabWorld.refuse(ctx, 403, "writes to the lab are refused with " + sent + " " + once
                        + " headers (expected: one)");
                return;
            }
        }
        HostAndPort authority = ctx.request().authority();
        String refusal = crossOrigin(authority == null ? null : authority.host(),
                authority == null ? null : "http://" + authority, ctx.request().headers().getAll("Origin"),
                ctx.request().getHeader("Sec-Fetch-Site"));
        String type = ctx.request().getHeader("Content-Type");
        if (refusal != null) {
            LabWorld.refuse(ctx, 403, refusal);
        } else if (!isJson(ctx.parsedHeaders().contentType())) {
            LabWorld.refuse(ctx, 415, "Content-Type must be application/json, got " + type);
        } else {
            ctx.next();
        }
    }

    /**
     * Why a write is refused as coming from elsewhere, or null when it may go on.
     *
     * @param host    the Host header's name (null when none was sent)
     * @param own     this lab's origin as the request names it ({@code http://} and its Host)
     * @param origins every Origin header sent
     */
    static String crossOrigin(String host, String own, List<String> origins, String fetchSite) {
        if (host == null) {
            return "a write to the lab must name its Host (expected: localhost, 127.0.0.1 or [::1])";
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (!LOOPBACK.contains(name)) {
            // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1.
            return "writes to the lab are taken from loopback names only (Host " + LabFault.quoted(host)
                    + "; expected: localhost, 127.0.0.1 or [::1])";
        }
        if (origins.size() > 1) {
            // Which one a server reads is a guess; a browser sends one.
            return "cross-origin writes to the lab are refused (" + origins.size() + " Origin headers; expected: at most one)";
        }
        String origin = origins.isEmpty() ? null : origins.get(0);
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")
                || origin != null && !origin.equalsIgnoreCase(own)) {
            return "cross-origin writes to the lab are refused ("
                    + (origin != null ? "Origin " + origin : "Sec-Fetch-Site " + fetchSite) + ")";
        }
        return null;
    }

    /** The media type itself, parameters aside: {@code application/json-evil} is not JSON. */
    private static boolean isJson(io.vertx.ext.web.MIMEHeader type) {
        return type != null && "application".equalsIgnoreCase(type.component()) && "json".equalsIgnoreCase(type.subComponent());
    }
}
