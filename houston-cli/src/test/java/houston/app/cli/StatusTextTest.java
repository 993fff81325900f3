package houston.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                us-east-1        evacuated     0.00  0% (100%)       2026-12-02T07:34:27Z  planned users at us-east-2 72%, ca-central-1 28%  held out by the DNS data plane
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

    @Test
    void aFollowersDnsFactsAreNotKnownHereRatherThanGuessed() {
        JsonObject status = new JsonObject().put("tick", 5).put("at", "2026-12-02T07:35:00Z")
                .put("followerView", "this replica follows").put("planGeneration", 1).putNull("liveGeneration")
                .put("fallback", new JsonObject().put("mode", "none").putNull("livePath").putNull("engaged")
                        .putNull("apiFailingSince"));
        JsonObject evacuated = new JsonObject().put("id", "us-east-1").put("state", "evacuated").put("score", 0.0)
                .put("homeFraction", 0.0).putNull("liveHomeFraction").putNull("heldOutByDataPlane").put("since", "t");

        String text = printed(status, new JsonArray().add(evacuated), null);

        assertTrue(text.contains("  DNS        not known here (a follower: the leader's status says); fallback none\n"), text);
        assertTrue(text.contains("us-east-1        evacuated     0.00  0% (?)"), text);
    }

    @Test
    void aFollowersSharesAwayAreItsPlanAndACutOffReplicaDoesNotSayItFollows() {
        JsonObject status = new JsonObject().put("tick", 5).put("at", "2026-12-02T07:35:00Z")
                .put("followerView", "this replica follows").put("planGeneration", 1).putNull("liveGeneration")
                .put("ha", new JsonObject().put("replica", "replica-1").put("acting", false).put("connection", "LOST")
                        .put("leader", "replica-3"));
        JsonObject evacuated = new JsonObject().put("id", "sa-east-1").put("state", "evacuating").put("score", 0.0)
                .put("homeFraction", 0.0).putNull("liveHomeFraction").put("since", "t");
        JsonObject rows = new JsonObject().put("sa-east-1", new JsonObject().put("eu-west-2", 1.0));

        String text = printed(status, new JsonArray().add(evacuated), rows);

        assertTrue(text.contains("planned users at eu-west-2 100%"), text);
        assertFalse(text.contains("  follower "), text);
        assertTrue(text.contains("cut off from ZooKeeper (LOST)"), text);
    }

    @Test
    void aBadLocationLeftInPlaceSaysWhatHeldItsEvacuation() {
        JsonObject status = new JsonObject().put("tick", 5).put("at", "2026-12-02T07:35:00Z").put("planGeneration", 1)
                .put("liveGeneration", 1);
        JsonObject held = location("sa-east-1", "suspect", 0.3, 1.0, 1.0, false)
                .put("heldFor", new JsonArray().add("max-evacuated 2 reached"));
        JsonObject evacuatedAfterAHold = location("us-east-1", "evacuated", 0.0, 0.0, 0.0, false)
                .put("heldFor", new JsonArray().add("max-evacuated 2 reached"));

        String text = printed(status, new JsonArray().add(held).add(evacuatedAfterAHold), null);

        assertTrue(text.contains("sa-east-1        suspect       0.30  100% (100%)     2026-12-02T07:34:27Z  "
                + "evacuation held: max-evacuated 2 reached\n"), text);
        assertFalse(text.contains("us-east-1        evacuated     0.00  0% (0%)         2026-12-02T07:34:27Z  evacuation held"),
                text);
    }

    @Test
    void controlCharactersFromTheApiAreShownAsEscapesNeverSentToTheTerminal() {
        JsonObject status = new JsonObject().put("tick", 7).put("at", "2026-12-02T07:35:00Z\u001b]0;owned\u0007")
                .put("suspectVantages", new JsonArray().add("lab\u001b]2;title\u0007-eu"));
        JsonArray locations = new JsonArray()
                .add(location("\u001b[2J\u001b[31mHACKED\u001b[0m", "healthy", 1.0, 1.0, 1.0, false))
                .add(location("eu-west-1", "healthy\r\nus-east-1 evacuated", 1.0, 1.0, 1.0, false))
                .add(location("rtl\u202egnp.exe", "healthy", 1.0, 1.0, 1.0, false));

        String text = printed(status, locations, null);

        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\u0007"), text);
        assertFalse(text.contains("\r"), text);
        assertFalse(text.contains("\u202e"), text);
        assertTrue(text.contains("\\u001b[2J\\u001b[31mHACKED\\u001b[0m"), text);
        assertTrue(text.contains("healthy\\r\\nus-east-1 evacuated"), text);
        assertTrue(text.contains("lab\\u001b]2;title\\u0007-eu"), text);
        assertEquals(10, text.split("\n", -1).length - 1, text);
    }

    @Test
    void aScoreOrAShareOutOfRangeIsFlaggedNotPrintedAsAFact() {
        JsonObject status = new JsonObject().put("tick", 7).put("at", "2026-12-02T07:35:00Z");
        JsonArray locations = new JsonArray().add(location("us-east-1", "healthy", 1.7, 2.5, -0.2, false));
        JsonObject rows = new JsonObject().put("us-east-1", new JsonObject().put("us-east-1", 2.5).put("eu-west-1", -1.5));

        String text = printed(status, locations, rows);

        String row = text.lines().filter(l -> l.startsWith("us-east-1")).findFirst().orElseThrow();
        assertFalse(row.contains("1.70"), row);
        assertFalse(row.contains("250%"), row);
        assertFalse(row.contains("-20%"), row);
        assertTrue(row.contains("score 1.7 out of range (expected: 0..1)"), row);
        assertTrue(row.contains("home share 2.5 out of range (expected: 0..1)"), row);
        assertTrue(row.contains("live home share -0.2 out of range (expected: 0..1)"), row);
        assertTrue(row.contains("plan row out of range (expected: shares 0..1)"), row);
    }

    private static JsonObject ha(String replica, boolean acting, String connection, String leader) {
        return new JsonObject().put("replica", replica).put("acting", acting).put("connection", connection)
                .put("leader", leader).put("epoch", 4).put("since", "2026-12-02T07:00:00Z").put("takeover", null);
    }

    private static String haLine(JsonObject ha) {
        JsonObject status = new JsonObject().put("tick", 7).put("at", "2026-12-02T07:35:00Z").put("ha", ha);
        return printed(status, new JsonArray(), null).lines().filter(l -> l.startsWith("  HA ")).findFirst().orElse("");
    }

    @Test
    void aLeaderSaysItLeadsWithItsEpoch() {
        String line = haLine(ha("replica-1", true, "CONNECTED", "replica-1"));

        assertEquals("  HA         this replica (replica-1) leads: epoch 4, since 2026-12-02T07:00:00Z", line);
    }

    @Test
    void aFollowerNamesTheLeaderItFollows() {
        String line = haLine(ha("replica-2", false, "RECONNECTED", "replica-3"));

        assertEquals("  HA         this replica (replica-2) follows: leader replica-3, epoch 4", line);
    }

    @Test
    void aReplicaCutOffFromZooKeeperSaysItsViewIsNotAuthoritative() {
        String lost = haLine(ha("replica-2", false, "LOST", "replica-3"));
        String suspended = haLine(ha("replica-2", false, "SUSPENDED", null));

        assertEquals("  HA         this replica (replica-2) is cut off from ZooKeeper (LOST): no leader known; "
                + "this replica's view is not authoritative", lost);
        assertEquals("  HA         this replica (replica-2) is cut off from ZooKeeper (SUSPENDED): no leader known; "
                + "this replica's view is not authoritative", suspended);
    }

    @Test
    void awaySharesAddUpToAHundredAndReadAsPlannedWhenDnsHoldsOtherwise() {
        JsonObject status = new JsonObject().put("tick", 7).put("at", "2026-12-02T07:35:00Z");
        JsonArray locations = new JsonArray().add(location("us-east-1", "evacuated", 0.0, 0.0, 1.0, false))
                .add(location("eu-west-1", "evacuated", 0.0, 0.0, 0.0, false));
        JsonObject rows = new JsonObject()
                .put("us-east-1", new JsonObject().put("us-east-2", 0.335).put("ca-central-1", 0.335).put("us-west-2", 0.33))
                .put("eu-west-1", new JsonObject().put("eu-west-2", 1.0));

        String text = printed(status, locations, rows);

        assertTrue(text.contains("  planned users at us-east-2 34%, ca-central-1 33%, us-west-2 33%\n"), text);
        assertTrue(text.contains("  users at eu-west-2 100%\n"), text);
    }
}
