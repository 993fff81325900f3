package houston.core.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence about one location at one tick: its quorum score, every voter's own score, the
 * trusted voters that judged it bad, and the voters discounted as suspect.
 */
public record LocationHealth(double score, Map<String, Double> byVoter, List<String> agreeing,
                             List<String> discounted) {

    public LocationHealth {
        byVoter = Collections.unmodifiableMap(new LinkedHashMap<>(byVoter));
        agreeing = List.copyOf(agreeing);
        discounted = List.copyOf(discounted);
    }
}
