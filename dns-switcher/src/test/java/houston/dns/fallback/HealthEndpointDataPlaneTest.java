package houston.dns.fallback;

import houston.core.engine.ActionOutcome.FallbackEngaged;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthEndpointDataPlaneTest {

    @Test
    void onlyTheEvacuatedLocationAnswersUnhealthy() {
        HealthEndpointDataPlane plane = new HealthEndpointDataPlane(List.of());

        FallbackEngaged outcome = plane.evacuate(List.of("us-east-1")).toCompletableFuture().join();

        assertEquals(new FallbackEngaged(List.of("us-east-1"), true,
                "/v1/dns-health/<location> answers 503 for [us-east-1]"), outcome);
        assertFalse(plane.healthy("us-east-1"));
        assertTrue(plane.healthy("eu-west-1"));
    }

    @Test
    void anEmptySetReleasesEveryLocation() {
        HealthEndpointDataPlane plane = new HealthEndpointDataPlane(List.of("us-east-1", "eu-west-1"));

        plane.evacuate(List.of()).toCompletableFuture().join();

        assertTrue(plane.healthy("us-east-1"));
        assertTrue(plane.healthy("eu-west-1"));
    }

    @Test
    void aRestartAnswersAsTheRestoredEngineStateSays() {
        HealthEndpointDataPlane plane = new HealthEndpointDataPlane(List.of("ap-south-1"));

        assertFalse(plane.healthy("ap-south-1"));
    }
}
