package houston.probes.http;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CanarySiteTest {

    private final CanarySite site = new CanarySite("canary.example", "/", 443, true,
            ResponseJudge.substring(Set.of(200), "ok"));

    @Test
    void edgeWithoutPortUsesTheSitesPort() {
        ProbeTarget t = CanarySite.target("us-east-1", "198.51.100.10", site);

        assertEquals("198.51.100.10", t.address());
        assertEquals(443, t.port());
    }

    @Test
    void edgeWithPortOverridesIt() {
        ProbeTarget t = CanarySite.target("lab-1", "127.0.0.1:18443", site);

        assertEquals("127.0.0.1", t.address());
        assertEquals(18443, t.port());
    }

    @Test
    void bracketedIpv6EdgeWithPort() {
        ProbeTarget t = CanarySite.target("lab-1", "[2001:db8::1]:8443", site);

        assertEquals("2001:db8::1", t.address());
        assertEquals(8443, t.port());
    }

    @Test
    void bareIpv6EdgeKeepsTheSitesPort() {
        ProbeTarget t = CanarySite.target("lab-1", "2001:db8::1", site);

        assertEquals("2001:db8::1", t.address());
        assertEquals(443, t.port());
    }
}
