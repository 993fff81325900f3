package houston.app.config;

import houston.capacity.KubernetesScaler.Workload;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How receivers are pre-scaled.
 *
 * @param provider       lab, webhook or kubernetes
 * @param leadTimeScale  lab: factor on every scale-up lead time
 * @param scaleUrl       webhook: POST target
 * @param statusUrl      webhook: status URL
 * @param contexts       kubernetes: location → kubeconfig context ("" = current or in-cluster)
 * @param workloads      kubernetes: location → namespace/deployment/hpa
 */
public record ScalerSettings(String provider, Duration readyTimeout, Duration pollInterval, double leadTimeScale,
                             URI scaleUrl, URI statusUrl, Duration requestTimeout, Map<String, String> contexts,
                             Map<String, Workload> workloads) {

    public ScalerSettings {
        contexts = Map.copyOf(contexts);
        workloads = Map.copyOf(workloads);
    }
}
