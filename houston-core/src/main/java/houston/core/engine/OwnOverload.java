package houston.core.engine;

import houston.core.health.HealthBook;
import houston.core.model.CapacityModel;

import java.util.List;
import java.util.Locale;

/**
 * Tells a location overloaded by its own users from a failing one. A flash crowd (a launch, a TV
 * event) in a location's own catchment fails the requests past what its ready instances serve, and
 * the vantages see those errors as a degradation: eu-west-2 at three times its demand, no fault, was
 * evacuated 2 minutes in, its receivers pre-scaled for a quarter of an hour, and not one request
 * fewer failed, since its own autoscaler had caught up by the time they were ready; with a slow
 * scaler ap-south-1 was evacuated, failed back onto the same crowd and evacuated again 37 s later.
 * Moving a crowd moves the overload to the receivers, which a failover must never cause.
 *
 * <p>So a location that is bad but not dead is not evacuated while its measured load (its own
 * users, and anyone else's it carries) is past {@link #OVERLOADED_AT} of what its ready instances
 * serve: its errors are explained by its load, and the cure is capacity. Houston asks its scaler,
 * once per incident, to grow it to carry that load at target (the evacuation's pre-scale, on the
 * location itself) and says so once in the location's thread; {@link OwnSpill} meanwhile sends the part
 * of its own users its ready instances cannot carry to receivers with ready room. If the scale-up fails
 * while it is still overloaded (no room took the excess), the hold ends.
 * A dead location (score at or below the dead
 * threshold: nothing answers) is evacuated as ever, crowd or not; so is one whose load was never
 * measured (configured peak demand is no evidence of a crowd). Once its load is back within its
 * instances (and a spill of its excess is live in DNS), its errors of the crowd still weigh in the two-minute
 * error rate ({@link HealthBook#GREY_WINDOW_MS}) once its users have followed ({@link #SETTLE_MS}): a location
 * still bad after that is failing, and is evacuated.
 */
final class OwnOverload {

    /** Overloaded past all of what its ready instances serve: its requests fail for want of capacity. */
    static final double OVERLOADED_AT = 1.0;
    /**
     * After its load is within its instances again, how long its users take to feel it: resolvers follow a
     * spill's new weights within a TTL or two (30 s by default), so its crowd's errors go on that long.
     */
    static final long SETTLE_MS = 60_000;
    /** Held (and told, and its scaler asked) for a crowd in this incident. */
    private static final String KEY = "own overload";
    /** Its scale-up failed in this incident: no longer held for the crowd. */
    private static final String CANNOT_GROW = "own overload: cannot grow";

    private OwnOverload() {
    }

    /** Why {@code l}'s evacuation is held because it is overloaded, or null when it is not. */
    static String hold(StepContext ctx, int l, double score, double deadThreshold) {
        LocationTrack t = ctx.tracks[l];
        if (score <= deadThreshold) {
            return null;
        }
        CapacityModel capacity = ctx.topology.location(l).capacity();
        double serves = ctx.instances[l] * capacity.rpsPerInstance();
        double planned = RisingDemand.loadsAhead(ctx)[l];
        // A floor a dropped record sends users to is overloaded by them as by its own: not a fault.
        boolean dropped = ctx.servedThroughDataPlane != null && ctx.servedThroughDataPlane[l] > planned;
        double load = dropped ? ctx.servedThroughDataPlane[l] : planned;
        if (ctx.demandReadAt[l] <= 0 && ctx.servedThroughDataPlane == null || load <= OVERLOADED_AT * serves) {
            // Within its instances again (the crowd ebbed, it grew, or OwnSpill sent the excess elsewhere):
            // judged on its score once the crowd's errors are out of the window, whether its scaler works or not.
            // Its errors of the crowd still weigh in the two-minute error rate for a while after it.
            long ago = ctx.now - t.overloadedAt();
            return t.overloadedAt() > 0 && ago < HealthBook.GREY_WINDOW_MS + SETTLE_MS ? String.format(Locale.ROOT,
                    "overloaded by its own users until %ds ago: its errors of then still weigh in its error rate",
                    ago / 1000) : null;
        }
        if (t.heldReasons().contains(CANNOT_GROW) && !ctx.dnsPublishesFailing()) {
            // No growth coming. Its excess is sent elsewhere first if room takes it (the API back after an outage
            // that kept the spill from going out): its errors are then its load's until the spill is felt.
            if (OwnSpill.now(ctx, l)) {
                return String.format(Locale.ROOT, "overloaded by its own users (%.0f rps on %d ready instances "
                        + "serving %.0f) and unable to grow: the excess is sent elsewhere", load, ctx.instances[l], serves);
            }
            // Still past its instances with no room for its excess: nothing explains its errors away any longer.
            return null;
        }
        // While DNS publishes fail nothing can spill its excess, and evacuating it would move the whole crowd
        // onto receivers (through the data plane, or once the API is back): it stays held, failed scale-up or not.
        ctx.tracks[l] = t.overloaded(ctx.now);
        int needed = capacity.instancesFor(load);
        ctx.lastRelied[l] = ctx.now;
        // Asked once per incident: asked again each tick as the crowd grew, a failing scaler paged every 2 s.
        if (!t.heldReasons().contains(KEY)) {
            ScaleRequests.ask(ctx, l, needed, "carry its own users' load", t.incident());
        }
        String whose = dropped ? "by the users the data plane sends it" : "by its own users";
        return String.format(Locale.ROOT, "overloaded %s: %.0f rps on %d ready instances serving %.0f; "
                + "asked to grow to %d instances rather than send the overload to receivers", whose, load, ctx.instances[l],
                serves, needed);
    }

    /**
     * {@code l}'s scale-up failed or timed out: if its evacuation was held for a crowd, the cure is not
     * coming, and a real fault under the crowd (a brownout, latency) must not be held for as long as the
     * crowd lasts (a 10% brownout under a crowd with a failing scaler was held 53 minutes). From now on in
     * this incident it is judged on its score alone.
     */
    static void cannotGrow(StepContext ctx, int l) {
        LocationTrack t = ctx.tracks[l];
        if (t.heldReasons().contains(KEY) && !t.heldReasons().contains(CANNOT_GROW)) {
            ctx.tracks[l] = t.withHeldReason(CANNOT_GROW);
        }
    }

    /** Tells {@code l}'s thread once per incident that its evacuation waits for its own capacity. */
    static void tell(StepContext ctx, int l, String hold, String why) {
        if (ctx.tracks[l].heldReasons().contains(KEY)) {
            return;
        }
        ctx.tracks[l] = ctx.tracks[l].withHeldReason(KEY);
        ctx.notify(l, DecisionKind.EVACUATION_HELD, ctx.id(l) + " is bad (" + why + ") but not evacuated: " + hold,
                List.of(), List.of());
    }
}
