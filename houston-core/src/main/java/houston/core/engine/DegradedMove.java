package houston.core.engine;

/**
 * When a degraded (scored bad, not dead) location moves users before its receivers are ready: at
 * once as far as their ready instances take it, then as they grow. Either only once the
 * degradation is steady: its score has stayed bad but above {@code dead-threshold} for a whole
 * health window ({@code health.window}), so every answer the score is formed of was given since
 * the trouble began, and none of them says the location is dead.
 *
 * <p>Why the window, and not the location's flap history: a flap's first bad seconds look exactly
 * like a steady degradation's, and there is no history yet when they come. What differs is the
 * evidence. Until the window has turned over, the score still averages in answers from before, so
 * it says neither how bad the location is nor whether it is failing at all:
 * <ul>
 *   <li>a blip shorter than the window (a load balancer blackholed for 5 s) is bad for a tick or
 *       two as its timeouts arrive, and over before the window is; moved at once, its users went
 *       out and came back in fail-back steps every two minutes (us-west-2's blips: 7 shifts, at most
 *       4), where waiting for the receivers lets the evacuation be cancelled with nobody moved;</li>
 *   <li>a location going down passes through the degraded band on its way to dead (a flap's down
 *       half), and back through it on its way up: a move made there is made for a degradation
 *       that is not there, and the dead shift or the recovery follows seconds later (flapping
 *       ap-south-1: a move as its score fell, another a second later, a third as it came back
 *       while its receivers grew: 6 shifts, at most 5).</li>
 * </ul>
 * A dead location is not asked: it serves nobody, so it moves at once on ready room and its rest
 * waits for all its receivers. The price is one window (4 s by default) before a degraded
 * location's first move: little against the pre-scale lead time it no longer waits for, or the
 * DNS TTL its users follow.
 */
final class DegradedMove {

    private DegradedMove() {
    }

    /**
     * True when {@code l} scores bad but above dead, and has for at least a health window (ticks with
     * no score, too few voters with evidence, neither end it nor count as bad now).
     */
    static boolean steady(StepContext ctx, int l) {
        long since = ctx.tracks[l].degradedSince();
        return ctx.report.isBad(l) && since >= 0 && ctx.now - since >= ctx.config.health().window().toMillis();
    }

    /**
     * True when {@code l} should move now what its receivers' ready instances take, filled as far as
     * how bad it is warrants ({@link TrafficMover#urgency}), instead of waiting out their lead time:
     * it is steadily degraded and the move takes at least {@link WaitingShare#MIN_STEP} of its users.
     */
    static boolean atOnce(StepContext ctx, int l) {
        return steady(ctx, l) && ReadyRoom.moved(ctx.row(l), TrafficMover.carriedNow(ctx, l)) >= WaitingShare.MIN_STEP;
    }

    /**
     * True when {@code l}'s receivers, still growing, now have ready room for at least
     * {@link WaitingShare#GROWING_STEP} of what it still has waiting, and it is still steadily
     * degraded. A dead location took all ready room at once, up to the interim ceiling, and a
     * location no longer bad keeps what waits until its receivers are ready or it is good again.
     */
    static boolean whileGrowing(StepContext ctx, int l) {
        return steady(ctx, l) && ReadyRoom.moved(ctx.row(l), TrafficMover.carriedNow(ctx, l))
                >= WaitingShare.GROWING_STEP * WaitingShare.waiting(ctx, l);
    }
}
