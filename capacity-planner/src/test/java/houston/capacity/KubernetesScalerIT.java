package houston.capacity;

import houston.core.engine.Action.PreScale;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kubernetes scaler against fabric8's mock API server in CRUD mode on loopback. */
@EnableKubernetesMockClient(crud = true)
class KubernetesScalerIT {

    KubernetesClient client;

    private ScheduledExecutorService executor;
    private ScheduledExecutorService controller;

    @BeforeEach
    void start() {
        executor = Executors.newSingleThreadScheduledExecutor();
        controller = Executors.newSingleThreadScheduledExecutor();
        client.apps().deployments().inNamespace("web").resource(new DeploymentBuilder().withNewMetadata().withName("edge")
                .endMetadata().withNewSpec().withReplicas(3).endSpec().withNewStatus().withReadyReplicas(3).endStatus()
                .build()).create();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        controller.shutdownNow();
    }

    private KubernetesScaler scaler(String hpa, Duration readyTimeout) {
        return new KubernetesScaler(location -> client, Map.of("us-east-2", new KubernetesScaler.Workload("web", "edge", hpa)),
                executor, Duration.ofMillis(20), readyTimeout);
    }

    private void hpa(int min, int max) {
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("web").resource(new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName("edge").endMetadata().withNewSpec().withMinReplicas(min).withMaxReplicas(max)
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("edge").endScaleTargetRef()
                .endSpec().build()).create();
    }

    /**
     * Stands in for the cluster: from 200 ms on, the pods the floor asks for are running and ready. Like a
     * real controller it keeps the status so: the mock API server keeps no separate status, and a scaler
     * slower than 200 ms (a loaded machine) writes the deployment back with the ready count it read.
     */
    private void controllerMakesReady(int replicas) {
        controller.scheduleWithFixedDelay(() -> {
            try {
                Deployment d = deployment();
                if (d.getStatus() == null || !Integer.valueOf(replicas).equals(d.getStatus().getReadyReplicas())) {
                    client.apps().deployments().inNamespace("web").withName("edge").editStatus(e -> new DeploymentBuilder(e)
                            .editOrNewStatus().withReadyReplicas(replicas).endStatus().build());
                }
            } catch (io.fabric8.kubernetes.client.KubernetesClientException conflict) {
                // A write of the scaler's in between: the next round sets it again (a thrown task would stop).
            }
        }, 200, 100, TimeUnit.MILLISECONDS);
    }

    private ScaleResult scale(KubernetesScaler scaler, int instances) throws Exception {
        return scaler.scale(new PreScale("us-east-2", instances, "receive traffic of us-east-1", "inc"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Deployment deployment() {
        return client.apps().deployments().inNamespace("web").withName("edge").get();
    }

    @Test
    void withAnHpaItsFloorIsRaisedAndReadyWhenThePodsAre() throws Exception {
        hpa(3, 20);
        controllerMakesReady(8);

        ScaleResult r = scale(scaler("edge", Duration.ofSeconds(5)), 8);

        assertEquals(ScaleStatus.READY, r.status(), r.detail());
        assertEquals(8, client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("web").withName("edge").get()
                .getSpec().getMinReplicas());
    }

    @Test
    void withoutAnHpaTheDeploymentsReplicasAreRaised() throws Exception {
        controllerMakesReady(8);

        ScaleResult r = scale(scaler(null, Duration.ofSeconds(5)), 8);

        assertEquals(ScaleStatus.READY, r.status(), r.detail());
        assertEquals(8, deployment().getSpec().getReplicas());
    }

    @Test
    void sameTargetTwiceIsOneChange() throws Exception {
        KubernetesScaler scaler = scaler(null, Duration.ofSeconds(5));
        controllerMakesReady(8);
        scale(scaler, 8);
        String version = deployment().getMetadata().getResourceVersion();

        ScaleResult again = scale(scaler, 8);

        assertEquals(ScaleStatus.READY, again.status());
        assertEquals(version, deployment().getMetadata().getResourceVersion());
    }

    @Test
    void podsThatNeverBecomeReadyTimeOut() throws Exception {
        ScaleResult r = scale(scaler(null, Duration.ofMillis(300)), 8);

        assertEquals(ScaleStatus.TIMED_OUT, r.status());
        assertTrue(r.detail().contains("3 of 8 replicas ready"), r.detail());
    }

    @Test
    void hpaCeilingBelowTheTargetFailsSayingSo() throws Exception {
        hpa(3, 6);

        ScaleResult r = scale(scaler("edge", Duration.ofSeconds(5)), 8);

        assertEquals(ScaleStatus.FAILED, r.status());
        assertTrue(r.detail().contains("maxReplicas 6 is below the target 8"), r.detail());
    }

    @Test
    void missingDeploymentFailsNamingIt() throws Exception {
        client.apps().deployments().inNamespace("web").withName("edge").delete();

        ScaleResult r = scale(scaler(null, Duration.ofSeconds(5)), 8);

        assertEquals(ScaleStatus.FAILED, r.status());
        assertTrue(r.detail().contains("deployment web/edge not found"), r.detail());
    }

    @Test
    void readyInstancesAreTheDeploymentsReadyReplicasStampedWithTheReadTime() {
        KubernetesScaler scaler = new KubernetesScaler(location -> client, Map.of(
                "us-east-2", new KubernetesScaler.Workload("web", "edge", null),
                "us-west-2", new KubernetesScaler.Workload("web", "absent", null)), executor, Duration.ofMillis(20),
                Duration.ofSeconds(1));

        java.util.List<houston.core.engine.Inputs.CapacityReading> read = scaler.readyInstances(1_764_500_000_000L);

        // The deployment that does not exist is left out: no reading, rather than "runs nothing".
        assertEquals(java.util.List.of(new houston.core.engine.Inputs.CapacityReading("us-east-2", 3, 1_764_500_000_000L)),
                read);
    }
}
