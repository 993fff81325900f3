package houston.app.daemon;

import houston.app.config.HoustonConfigLoader;
import houston.app.config.HoustonSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/kubernetes, read strictly into fabric8's model, and its references checked against each other. */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("..", "deploy", "kubernetes");

    @TempDir
    Path tmp;

    private static List<HasMetadata> all() throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                resources.addAll(StrictKubernetesYaml.parse(Files.readString(file), file.getFileName().toString()));
            }
        }
        return resources;
    }

    private static <T extends HasMetadata> List<T> of(List<HasMetadata> all, Class<T> kind) {
        return all.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> all, Class<T> kind, String name) {
        return of(all, kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    @Test
    void aMisspelledFieldOrAnUnknownKindIsRefused() {
        String typo = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selectr:\n    app: x\n";
        String kind = "apiVersion: v1\nkind: Srevice\nmetadata:\n  name: x\n";

        IllegalArgumentException field = assertThrows(IllegalArgumentException.class, () -> StrictKubernetesYaml.parse(typo, "t"));
        assertThrows(IllegalArgumentException.class, () -> StrictKubernetesYaml.parse(kind, "t"));
        assertTrue(field.getMessage().contains("selectr"), field.getMessage());
    }

    @Test
    void everyManifestParsesStrictly() throws IOException {
        List<HasMetadata> all = all();

        assertEquals(1, of(all, StatefulSet.class).size());
        assertEquals(1, of(all, Deployment.class).size());
        assertEquals(2, of(all, PodDisruptionBudget.class).size());
        assertEquals(1, of(all, Role.class).size());
    }

    @Test
    void servicesAndDisruptionBudgetsSelectThePodsTheyMean() throws IOException {
        List<HasMetadata> all = all();
        Map<String, String> daemonPods = named(all, StatefulSet.class, "houston").getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> agentPods = named(all, Deployment.class, "houston-agent").getSpec().getTemplate().getMetadata().getLabels();

        Map<String, String> service = named(all, Service.class, "houston").getSpec().getSelector();
        Map<String, String> daemonBudget = named(all, PodDisruptionBudget.class, "houston").getSpec().getSelector().getMatchLabels();
        Map<String, String> agentBudget = named(all, PodDisruptionBudget.class, "houston-agent").getSpec().getSelector().getMatchLabels();

        assertTrue(daemonPods.entrySet().containsAll(service.entrySet()), service + " vs " + daemonPods);
        assertTrue(daemonPods.entrySet().containsAll(daemonBudget.entrySet()));
        assertTrue(agentPods.entrySet().containsAll(agentBudget.entrySet()));
        assertTrue(!agentPods.entrySet().containsAll(service.entrySet()), "the daemon's service must not reach agents");
    }

    @Test
    void probesUseThePathsTheDaemonAndTheAgentServe() throws IOException {
        List<HasMetadata> all = all();
        Container daemon = named(all, StatefulSet.class, "houston").getSpec().getTemplate().getSpec().getContainers().get(0);
        Container agent = named(all, Deployment.class, "houston-agent").getSpec().getTemplate().getSpec().getContainers().get(0);

        assertEquals(DaemonHttp.HEALTH_PATH, daemon.getLivenessProbe().getHttpGet().getPath());
        assertEquals(DaemonHttp.READY_PATH, daemon.getReadinessProbe().getHttpGet().getPath());
        assertEquals(DaemonHttp.HEALTH_PATH, agent.getLivenessProbe().getHttpGet().getPath());
        assertEquals(8080, daemon.getPorts().get(0).getContainerPort());
        assertTrue(agent.getArgs().containsAll(List.of("--http-host", "0.0.0.0")), agent.getArgs().toString());
    }

    @Test
    void everySecretFileTheConfigurationNamesIsAMountedKeyOfAnExistingSecret() throws IOException {
        List<HasMetadata> all = all();
        PodTemplateSpec pod = named(all, StatefulSet.class, "houston").getSpec().getTemplate();
        HoustonSettings settings = settingsOf(named(all, ConfigMap.class, "houston-config"), pod.getSpec());
        Container daemon = pod.getSpec().getContainers().get(0);
        String kubeconfig = daemon.getEnv().stream().filter(e -> e.getName().equals("KUBECONFIG")).findFirst()
                .orElseThrow().getValue();

        for (Path file : List.of(settings.outside().api().tokenFile(), settings.slack().tokenFile(),
                settings.slack().signingSecretFile(), Path.of(kubeconfig))) {
            assertMountedSecretKey(all, pod.getSpec(), daemon, file);
        }
        Container agent = named(all, Deployment.class, "houston-agent").getSpec().getTemplate().getSpec().getContainers().get(0);
        String agentToken = agent.getArgs().get(agent.getArgs().indexOf("--token-file") + 1);
        assertMountedSecretKey(all, named(all, Deployment.class, "houston-agent").getSpec().getTemplate().getSpec(), agent,
                Path.of(agentToken));
        assertTrue(writable(daemon, settings.daemon().journalDir()), "journal " + settings.daemon().journalDir()
                + " is not on a writable volume");
    }

    @Test
    void theScalerMayReadAndPatchExactlyTheWorkloadsTheExampleScales() throws IOException {
        List<HasMetadata> all = all();
        Role role = named(all, Role.class, "houston-scaler");
        RoleBinding binding = named(all, RoleBinding.class, "houston-scaler");
        ServiceAccount account = named(all, ServiceAccount.class, "houston");

        Set<String> granted = new TreeSet<>();
        for (PolicyRule rule : role.getRules()) {
            for (String resource : rule.getResources()) {
                granted.add(rule.getApiGroups().get(0) + "/" + resource + ":" + String.join(",", rule.getVerbs()));
            }
        }
        assertEquals(Set.of("apps/deployments:get,patch", "autoscaling/horizontalpodautoscalers:get,patch"), granted);
        assertEquals(account.getMetadata().getName(), binding.getSubjects().get(0).getName());
        assertEquals(account.getMetadata().getNamespace(), binding.getSubjects().get(0).getNamespace());
        assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
        assertEquals(account.getMetadata().getName(),
                named(all, StatefulSet.class, "houston").getSpec().getTemplate().getSpec().getServiceAccountName());
    }

    /** The ConfigMap's houston.conf as the pod reads it, the release's /opt/houston being this checkout. */
    private HoustonSettings settingsOf(ConfigMap config, PodSpec pod) throws IOException {
        String conf = config.getData().get("houston.conf").replace("/opt/houston/", Path.of("..").toAbsolutePath() + "/");
        Path file = tmp.resolve("houston.conf");
        Files.writeString(file, conf);
        return HoustonConfigLoader.load(file, false);
    }

    private static void assertMountedSecretKey(List<HasMetadata> all, PodSpec pod, Container container, Path file) {
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> file.startsWith(m.getMountPath()))
                .findFirst().orElseThrow(() -> new AssertionError(file + " is on no mounted volume"));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
        assertTrue(volume.getSecret() != null, file + " is not on a secret volume");
        Secret secret = named(all, Secret.class, volume.getSecret().getSecretName());
        String key = Path.of(mount.getMountPath()).relativize(file).toString();
        assertTrue(secret.getStringData().containsKey(key), "secret " + secret.getMetadata().getName() + " has no key " + key);
        if (volume.getSecret().getItems() != null && !volume.getSecret().getItems().isEmpty()) {
            assertTrue(volume.getSecret().getItems().stream().anyMatch(i -> i.getPath().equals(key)), key + " not projected");
        }
    }

    private static boolean writable(Container container, Path dir) {
        return container.getVolumeMounts().stream().anyMatch(m -> dir.startsWith(m.getMountPath())
                && !Boolean.TRUE.equals(m.getReadOnly()));
    }
}
