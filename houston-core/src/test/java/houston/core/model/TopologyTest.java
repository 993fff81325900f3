package houston.core.model;

import houston.core.TestTopologies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyTest {

    @Test
    void nearestBreaksDistanceTiesById() {
        Topology t = TestTopologies.equator(100, 0, -1, 1, 5);

        List<String> nearest = t.nearest("loc-00", 3).stream().map(Location::id).toList();

        assertEquals(List.of("loc-01", "loc-02", "loc-03"), nearest);
    }

    @Test
    void greatCircleDistanceLondonToParisIsAbout344Km() {
        double km = new GeoPoint(51.5074, -0.1278).distanceKm(new GeoPoint(48.8566, 2.3522));

        assertEquals(344, km, 2);
    }

    @Test
    void unknownLocationErrorNamesTheKnownOnes() {
        Topology t = TestTopologies.row(2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.indexOf("mars"));

        assertTrue(e.getMessage().contains("loc-00, loc-01"), e.getMessage());
    }
}
