package houston.app.wiring;

import houston.app.config.HoustonSettings;
import houston.app.config.ScalerSettings;
import houston.capacity.Delays;
import houston.capacity.KubernetesScaler;
import houston.capacity.LabScaler;
import houston.capacity.RequestSigner;
import houston.capacity.WebhookScaler;
import houston.core.port.Scaler;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the configured scaler: lab, webhook or Kubernetes (one client per kubeconfig context). */
public final class ScalerFactory {

    private ScalerFactory() {
    }

    /** @param signer signs webhook requests (Houston's HMAC over the shared secret) */
    public static Scaler create(HoustonSettings settings, RequestSigner signer, ScheduledExecutorService executor) {
        ScalerSettings s = settings.scaler();
        return switch (s.provider()) {
            case "webhook" -> new WebhookScaler(HttpClient.newHttpClient(), s.scaleUrl(), s.statusUrl(), signer,
                    Delays.of(executor), s.requestTimeout(), s.pollInterval(), s.readyTimeout());
            case "kubernetes" -> {
                Map<String, KubernetesClient> byContext = new ConcurrentHashMap<>();
                yield new KubernetesScaler(location -> byContext.computeIfAbsent(s.contexts().getOrDefault(location, ""),
                        context -> new KubernetesClientBuilder()
                                .withConfig(context.isBlank() ? Config.autoConfigure(null) : Config.autoConfigure(context))
                                .build()),
                        s.workloads(), executor, s.pollInterval(), s.readyTimeout());
            }
            default -> new LabScaler(settings.topology(), Delays.of(executor), s.leadTimeScale());
        };
    }
}
