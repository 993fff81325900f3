package houston.ha;

import houston.core.engine.Action;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.engine.AlertKind;
import houston.core.model.TrafficPlan;
import houston.core.port.DnsSwitch;
import houston.core.port.Notifier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActingGateTest {

    private static final List<String> IDS = List.of("lab-a", "lab-b");
    private static final TrafficPlan EVACUATED = TrafficPlan.of(IDS, Map.of("lab-a", Map.of("lab-b", 1.0)), 3);

    private final AtomicBoolean leader = new AtomicBoolean();
    private final ActingGate gate = new ActingGate(leader::get);
    private final List<Long> published = new ArrayList<>();
    private final DnsSwitch real = new DnsSwitch() {
        @Override
        public CompletionStage<PlanPublished> publish(TrafficPlan plan) {
            published.add(plan.generation());
            return CompletableFuture.completedFuture(new PlanPublished(plan.generation(), PublishStatus.INSYNC, "sent",
                    Duration.ZERO));
        }

        @Override
        public CompletionStage<TrafficPlan> readLive() {
            return CompletableFuture.completedFuture(EVACUATED);
        }
    };
    private final DnsSwitch dns = gate.dns(real, () -> CompletableFuture.completedFuture(EVACUATED));

    @Test
    void aFollowerPublishesNothingAndLearnsWhetherTheLeaderPublishedTheSameRows() throws Exception {
        PlanPublished same = dns.publish(EVACUATED.atGeneration(9)).toCompletableFuture().get();
        PlanPublished other = dns.publish(TrafficPlan.identity(IDS, 9)).toCompletableFuture().get();

        assertEquals(List.of(), published);
        assertEquals(PublishStatus.INSYNC, same.status());
        assertEquals(PublishStatus.FAILED, other.status());
        assertEquals(2, gate.suppressed());
    }

    @Test
    void theLeaderPublishesAndStopsTheMomentItIsNoLongerLeader() throws Exception {
        leader.set(true);
        dns.publish(EVACUATED.atGeneration(4)).toCompletableFuture().get();
        leader.set(false);
        dns.publish(EVACUATED.atGeneration(5)).toCompletableFuture().get();

        assertEquals(List.of(4L), published);
    }

    @Test
    void aFollowersScaleStaysRequestedAndItsNotificationsAreDropped() throws Exception {
        List<Action> told = new ArrayList<>();
        Notifier notifier = gate.notifier(new Notifier() {
            @Override
            public void notify(Action.Notify n) {
                told.add(n);
            }

            @Override
            public void alert(Action.Alert a) {
                told.add(a);
            }
        });
        ScaleResult scaled = gate.scaler(null).scale(new Action.PreScale("lab-b", 4, "receiver", "lab-a@1"))
                .toCompletableFuture().get();

        notifier.alert(new Action.Alert(AlertKind.FAIL_STATIC, "follower's view", null));
        leader.set(true);
        notifier.alert(new Action.Alert(AlertKind.FAIL_STATIC, "leader's view", null));

        assertEquals(ScaleStatus.REQUESTED, scaled.status());
        assertEquals(1, told.size());
        assertEquals("leader's view", ((Action.Alert) told.get(0)).message());
    }

    @Test
    void aFollowersDataPlaneAnswerIsKnownAsAFollowersAndARealFailureIsNot() throws Exception {
        houston.core.port.DnsDataPlane plane = gate.dataPlane(locations -> CompletableFuture.completedFuture(
                new houston.core.engine.ActionOutcome.FallbackEngaged(locations, false, "ServiceUnavailable")),
                () -> List.of("lab-a"));

        var following = plane.evacuate(List.of("lab-b")).toCompletableFuture().get();
        leader.set(true);
        var leading = plane.evacuate(List.of("lab-b")).toCompletableFuture().get();

        assertEquals(List.of(true, false), List.of(ActingGate.fromFollower(following), ActingGate.fromFollower(leading)));
    }
}
