package houston.core.config;

import java.time.Duration;

/**
 * Thresholds and hold times of the location state machine. Going down and coming back use
 * different thresholds and holds, so a score hovering near one line cannot make traffic flap.
 *
 * @param downThreshold a score below this is bad: HEALTHY becomes SUSPECT
 * @param upThreshold   a score at or above this is good: counts towards recovery
 * @param deadThreshold a score at or below this is dead: shift at once, pre-scale in parallel
 * @param downHold      bad for this long and a SUSPECT location is evacuated
 * @param upHold        good for this long and an EVACUATED location starts to fail back
 */
public record HysteresisConfig(
        double downThreshold,
        double upThreshold,
        double deadThreshold,
        Duration downHold,
        Duration upHold) {

    public static HysteresisConfig defaults() {
        return new HysteresisConfig(0.5, 0.9, 0.1, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
