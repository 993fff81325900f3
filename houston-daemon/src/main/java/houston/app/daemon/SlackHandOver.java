package houston.app.daemon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import houston.ha.SharedSlackOwed;
import houston.slack.notify.OutboxLedger;
import houston.slack.notify.SlackMessage;
import houston.slack.notify.SlackOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Only the leader speaks to Slack for the incidents: what a replica's outbox owed from before its
 * restart (decided while it led) is not posted by it, which may now follow while another replica
 * posts the same incident, and may not know its thread. Every replica hands what it owed to the
 * shared state, settling each message in its own ledger once ZooKeeper has it; the leader queues the
 * handed-over messages in its outbox (whose ledger records them) and only then takes them from the
 * shared state. A replica that leads hands over to itself. Either side dying in between leaves the
 * message owed where it was: nothing is lost, and the only repeat is a message re-handed over after
 * the leader took it, when its replica died between the hand-over and its ledger's line.
 */
record SlackHandOver(String replica, SharedSlackOwed shared, SlackOutbox outbox, Clock clock) {

    // Logged as the replication it belongs to: operators and the failover tests filter the log by that name.
    private static final Logger log = LoggerFactory.getLogger(Replication.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** True while this replica's outbox still holds messages owed from before its restart. */
    boolean holding() {
        return !outbox.heldOwed().isEmpty();
    }

    /** Any replica: hands what its outbox holds to whoever leads, oldest first. */
    void handOver() throws Exception {
        List<OutboxLedger.Owed> held = outbox.heldOwed();
        long now = clock.millis();
        for (OutboxLedger.Owed o : held) {
            SlackMessage m = o.message();
            Map<String, Object> fields = JSON.convertValue(m, new TypeReference<Map<String, Object>>() { });
            fields.put("id", o.id());
            fields.put("handedOverAt", now);
            // Named by replica and ledger id (and text: ids restart once a ledger is empty), so a replica
            // that dies after handing a message over and hands it over again owes it once.
            shared.owe(replica + "-" + o.id() + "-" + Integer.toHexString(m.text().hashCode()), fields);
            outbox.handedOver(o.id());
        }
        if (!held.isEmpty()) {
            log.info("replica {} handed {} Slack message(s) owed from before its restart to the leader", replica, held.size());
        }
    }

    /** The leader: posts what replicas handed over, after what its outbox already queued. */
    void postHandedOver() throws Exception {
        for (SharedSlackOwed.Owed o : shared.owedPosts()) {
            SlackMessage m = JSON.convertValue(o.message(), SlackMessage.class);
            if (!outbox.offer(m)) {
                return;
            }
            shared.taken(o.name());
        }
    }
}
