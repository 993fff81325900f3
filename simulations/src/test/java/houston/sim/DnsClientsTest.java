package houston.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DnsClientsTest {

    private final TtlModel ttl = TtlModel.defaults(Duration.ofSeconds(20));
    private final DnsClients clients = new DnsClients(ttl, new double[]{1, 0});
    private final double[] split = new double[2];

    @Test
    void beforeAnyChangeEveryoneIsServedAtHome() {
        clients.effective(100, split);

        assertArrayEquals(new double[]{1, 0}, split, 1e-12);
    }

    @Test
    void aChangeMovesTheClientsThatRefreshedSinceIt() {
        clients.publish(100, new double[]{0, 1});

        clients.effective(160, split);

        assertEquals(1 - ttl.stale(60), split[1], 1e-12);
        assertEquals(ttl.stale(60), split[0], 1e-12);
    }

    @Test
    void aChangeAndItsReversalLeaveOnlyTheClientsThatRefreshedInBetweenAway() {
        clients.publish(100, new double[]{0, 1});
        clients.publish(130, new double[]{1, 0});

        clients.effective(200, split);

        assertEquals(ttl.stale(70) - ttl.stale(100), split[1], 1e-12);
        assertEquals(1.0, split[0] + split[1], 1e-12);
    }
}
