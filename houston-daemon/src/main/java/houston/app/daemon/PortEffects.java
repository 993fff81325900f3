package houston.app.daemon;

import houston.core.engine.Action;
import houston.core.engine.ActionHandlers;
import houston.core.engine.ActionOutcome;
import houston.core.engine.ActionOutcome.PlanPublished;
import houston.core.engine.ActionOutcome.PublishStatus;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.port.DnsDataPlane;
import houston.core.port.DnsSwitch;
import houston.core.port.Notifier;
import houston.core.port.Scaler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The daemon's effects: each engine action goes to its port (DNS, data plane, scaler, notifier), and the
 * outcome the port answers, or the failure it threw, comes back to the loop as an input for a later tick.
 * An alert already told is counted by {@link RepeatedAlerts} instead of told again.
 */
final class PortEffects implements ActionHandlers {

    private static final Logger log = LoggerFactory.getLogger(PortEffects.class);

    /** What the loop lends its effects: where outcomes go, and what it knows at the moment of each. */
    record Loop(Consumer<ActionOutcome> arrived, RecentDecisions decisions, RepeatedAlerts repeated,
                Supplier<Instant> lastTickAt, Supplier<String> openIncident) {
    }

    private final DnsSwitch dns;
    private final Supplier<DnsDataPlane> dataPlane;
    private final Scaler scaler;
    private final Notifier notifier;
    private final Loop loop;

    PortEffects(DnsSwitch dns, Supplier<DnsDataPlane> dataPlane, Scaler scaler, Notifier notifier, Loop loop) {
        this.dns = dns;
        this.dataPlane = dataPlane;
        this.scaler = scaler;
        this.notifier = notifier;
        this.loop = loop;
    }

    @Override
    public void publishPlan(Action.PublishPlan p) {
        dns.publish(p.plan()).whenComplete((r, e) -> loop.arrived().accept(r != null ? r
                : new PlanPublished(p.plan().generation(), PublishStatus.FAILED, String.valueOf(e), Duration.ZERO)));
    }

    @Override
    public void engageFallback(Action.EngageFallback f) {
        dataPlane.get().evacuate(f.locations()).whenComplete((r, e) -> loop.arrived().accept(logged(r != null ? r
                : new ActionOutcome.FallbackEngaged(f.locations(), false, String.valueOf(e)))));
    }

    @Override
    public void preScale(Action.PreScale s) {
        scaler.scale(s).whenComplete((r, e) -> loop.arrived().accept(r != null ? r
                : new ScaleResult(s.location(), s.instances(), ScaleStatus.FAILED, String.valueOf(e))));
    }

    @Override
    public void scaleDown(Action.ScaleDown d) {
        scaler.scaleDown(d).whenComplete((r, e) -> {
            if (e != null) {
                log.warn("scale-down of {} failed: {}", d.location(), e.toString());
            }
        });
    }

    @Override
    public void tell(Action.Notify n) {
        loop.decisions().remember(n.decision());
        notifier.notify(n);
    }

    @Override
    public void alert(Action.Alert raised) {
        Action.Alert a = loop.repeated().pass(raised, loop.lastTickAt().get(), loop.openIncident().get());
        if (a == null) {
            return; // a repeat of an alert already told: counted, not told again
        }
        if (a.decision() != null) {
            loop.decisions().remember(a.decision());
        }
        notifier.alert(a);
    }

    /** A data-plane change in the log, naming the endpoint that took it and those that failed first (ARC). */
    private static ActionOutcome logged(ActionOutcome.FallbackEngaged f) {
        if (f.engaged()) {
            log.info("DNS data plane now evacuates {}: {}", f.locations(), f.detail());
        } else if (houston.ha.ActingGate.fromFollower(f)) {
            log.debug("DNS data plane left to the leader ({}): {}", f.locations(), f.detail());
        } else {
            log.warn("DNS data plane NOT set to {}: {}", f.locations(), f.detail());
        }
        return f;
    }
}
