package houston.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code houston status} prints from a daemon's /v1/status and /v1/locations. */
class StatusTextTest {

    private static String printed(JsonObject status, JsonArray locations, JsonObject rows) {
        StringWriter out = new StringWriter();
        StatusText.print("http://127.0.0.1:8080", status, locations, rows, new PrintWriter(out, true));
        return out.toString();
    }

    private static JsonObject location(String id, String state, Double score, double home, double live, boolean heldOut) {
        return new JsonObject().put("id", id).put("state", state).put("score", score).put("homeFraction", home)
                .put("liveHomeFraction", live).put("heldOutByDataPlane", heldOut).put("since", "2026-12-02T07:34:27Z");
    }

    @Test
    void anEvacuationWithTheApiDownShowsTheStateTheSharesAndWhatDnsHolds() {
        JsonObject status = new JsonObject().put("tick", 120).put("at", "2026-12-02T07:35:00Z").put("failStatic", false)
                .put("frozenUntil", null).put("planGeneration", 2).put("liveGeneration", 0)
                .put("pins", new JsonObject().put("eu-west-1", new JsonObject().put("target", "healthy")
                        .put("until", "2026-12-02T08:00:00Z").put("by", "alice")))
                .put("suspectVantages", new JsonArray().add("lab-eu-west"))
                .put("fallback", new JsonObject().put("mode", "health-endpoint").put("livePath", "data plane")
                        .put("engaged", new JsonArray().add("us-east-1")).put("apiFailingSince", "2026-12-02T07:34:02Z"))
                .put("dns", new JsonObject().put("read", true));
        JsonArray locations = new JsonArray().add(location("us-east-1", "evacuated", 0.0, 0.0, 1.0, true))
                .add(location("us-east-2", "healthy", 1.0, 1.0, 1.0, false));

        JsonObject rows = new JsonObject().put("us-east-1", new JsonObject().put("us-east-2", 0.72).put("ca-central-1", 0.28))
                .put("us-east-2", new JsonObject().put("us-east-2", 1.0));

        String text = printed(status, locations, rows);

        assertEquals("""
                Houston at http://127.0.0.1:8080: tick 120 at 2026-12-02T07:35:00Z
                  plan       generation 2, live in DNS: 0
                  safety     fail-static: no; frozen: no; pins: eu-west-1 healthy until 2026-12-02T08:00:00Z by alice
                  DNS        live path: data plane; data plane holds out us-east-1; API failing since 2026-12-02T07:34:02Z; fallback health-endpoint
                  vantages   suspect (discounted): lab-eu-west

                location         state        score  home (live)     since
                us-east-1        evacuated     0.00  0% (100%)       2026-12-02T07:34:27Z  users at us-east-2 72%, ca-central-1 28%  held out by the DNS data plane
                us-east-2        healthy       1.00  100% (100%)     2026-12-02T07:34:27Z
                """, text.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aFollowerSaysSoAndThatItDoesNotKnowTheLiveGeneration() {
        JsonObject status = new JsonObject().put("tick", 5).put("at", "2026-12-02T07:35:00Z").put("failStatic", true)
                .put("followerView", "this replica follows").put("planGeneration", 1).put("liveGeneration", null);

        String text = printed(status, new JsonArray().add(location("eu-west-1", "healthy", null, 1.0, 1.0, false)), null);

        assertTrue(text.contains("  follower   this replica follows\n"), text);
        assertTrue(text.contains("generation 1, live in DNS: not known here"), text);
        assertTrue(text.contains("fail-static: YES"), text);
        assertTrue(text.contains("eu-west-1        healthy          -  100% (100%)"), text);
    }
}
