package houston.dns.fallback;

import houston.core.engine.ActionOutcome.FallbackEngaged;
import houston.core.port.DnsDataPlane;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;
import software.amazon.awssdk.services.route53recoverycluster.model.RoutingControlState;
import software.amazon.awssdk.services.route53recoverycluster.model.UpdateRoutingControlStateEntry;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@code arc} fallback: one Route 53 ARC routing control per location, each tied (once, by
 * the user) to a health check on that location's records. Evacuating sets every control in one
 * {@code UpdateRoutingControlStates} call (Off for the evacuated, On for the rest) through the
 * cluster's data-plane endpoints, trying each regional endpoint in turn until one answers, as AWS
 * asks: any single endpoint, or its region, may be down.
 */
public final class ArcDataPlane implements DnsDataPlane, AutoCloseable {

    /** One of the cluster's regional endpoints. */
    public record Endpoint(String region, URI url) {
    }

    private final Map<String, Route53RecoveryClusterClient> clients = new LinkedHashMap<>();
    private final Map<String, String> controls;
    private final Executor worker;
    /** The worker this plane made for itself and stops on close; null when the caller's. */
    private final ExecutorService ownWorker;

    /**
     * @param endpoints   the cluster's endpoints, tried in this order
     * @param controls    routing control ARN per location id
     * @param credentials AWS credentials, or null for the default chain
     * @param worker      where the blocking SDK calls run (never an event loop)
     */
    public ArcDataPlane(List<Endpoint> endpoints, Map<String, String> controls, AwsCredentialsProvider credentials,
                        Executor worker) {
        this(endpoints, controls, credentials, worker, null);
    }

    private ArcDataPlane(List<Endpoint> endpoints, Map<String, String> controls, AwsCredentialsProvider credentials,
                         Executor worker, ExecutorService ownWorker) {
        this.controls = new TreeMap<>(controls);
        this.worker = worker;
        this.ownWorker = ownWorker;
        for (Endpoint e : endpoints) {
            var builder = Route53RecoveryClusterClient.builder()
                    .region(Region.of(e.region()))
                    .endpointOverride(e.url())
                    .httpClient(UrlConnectionHttpClient.builder().build())
                    // The next endpoint is the retry: an endpoint that fails is not asked twice.
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
            if (credentials != null) {
                builder.credentialsProvider(credentials);
            }
            clients.put(e.region() + " " + e.url(), builder.build());
        }
    }

    /** A plane whose blocking SDK calls run on a thread of its own ("houston-arc"), stopped by {@link #close}. */
    public static ArcDataPlane withOwnThread(List<Endpoint> endpoints, Map<String, String> controls,
                                             AwsCredentialsProvider credentials) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "houston-arc");
            t.setDaemon(true);
            return t;
        });
        return new ArcDataPlane(endpoints, controls, credentials, thread, thread);
    }

    @Override
    public CompletionStage<FallbackEngaged> evacuate(List<String> locations) {
        return CompletableFuture.supplyAsync(() -> set(locations), worker);
    }

    private FallbackEngaged set(List<String> locations) {
        List<UpdateRoutingControlStateEntry> entries = new ArrayList<>();
        controls.forEach((location, arn) -> entries.add(UpdateRoutingControlStateEntry.builder()
                .routingControlArn(arn)
                .routingControlState(locations.contains(location) ? RoutingControlState.OFF : RoutingControlState.ON)
                .build()));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Route53RecoveryClusterClient> c : clients.entrySet()) {
            try {
                c.getValue().updateRoutingControlStates(r -> r.updateRoutingControlStateEntries(entries));
                String skipped = failures.isEmpty() ? "" : " after " + String.join("; ", failures);
                return new FallbackEngaged(locations, true, "routing controls set through " + c.getKey() + skipped);
            } catch (SdkException e) {
                failures.add(c.getKey() + ": " + e.getMessage());
            }
        }
        return new FallbackEngaged(locations, false, "every ARC cluster endpoint failed: " + String.join("; ", failures));
    }

    /** Closes every endpoint's SDK client, and the plane's own thread once the call in flight is done. */
    @Override
    public void close() {
        if (ownWorker != null) {
            ownWorker.shutdown();
        }
        clients.values().forEach(Route53RecoveryClusterClient::close);
    }
}
