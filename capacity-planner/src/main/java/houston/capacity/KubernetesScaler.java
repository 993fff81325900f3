package houston.capacity;

import houston.core.engine.Action.PreScale;
import houston.core.engine.Action.ScaleDown;
import houston.core.engine.ActionOutcome.ScaleResult;
import houston.core.engine.ActionOutcome.ScaleStatus;
import houston.core.engine.Inputs.CapacityReading;
import houston.core.port.Scaler;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Scales a location's Kubernetes workload (fabric8 client). With an HPA, raising its
 * {@code minReplicas} lets the autoscaler keep doing its job above the floor; without one, the
 * Deployment's replicas are raised. Either is changed only when below the target, so the same
 * target twice is one change. READY when the Deployment's ready replicas reach the target,
 * TIMED_OUT after {@code readyTimeout}. Calls are blocking and run on {@code executor}.
 */
public final class KubernetesScaler implements Scaler {

    private static final Logger log = LoggerFactory.getLogger(KubernetesScaler.class);
    /** Conflicting writes an edit outlasts before it is reported as failed. */
    private static final int MAX_CONFLICTS = 5;

    /** Where a location's workload lives: its cluster is chosen by the client function. */
    public record Workload(String namespace, String deployment, String hpa) {
    }

    private final Function<String, KubernetesClient> clients;
    private final Map<String, Workload> workloads;
    private final ScheduledExecutorService executor;
    private final Duration pollInterval;
    private final Duration readyTimeout;

    public KubernetesScaler(Function<String, KubernetesClient> clients, Map<String, Workload> workloads,
                            ScheduledExecutorService executor, Duration pollInterval, Duration readyTimeout) {
        this.clients = clients;
        this.workloads = Map.copyOf(workloads);
        this.executor = executor;
        this.pollInterval = pollInterval;
        this.readyTimeout = readyTimeout;
    }

    @Override
    public CompletionStage<ScaleResult> scale(PreScale request) {
        CompletableFuture<ScaleResult> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                Workload w = workload(request.location());
                KubernetesClient client = clients.apply(request.location());
                String problem = raise(client, w, request.instances());
                if (problem != null) {
                    done.complete(result(request.location(), request.instances(), ScaleStatus.FAILED, problem));
                    return;
                }
                awaitReady(client, w, request, System.nanoTime() + readyTimeout.toNanos(), done);
            } catch (RuntimeException e) {
                done.complete(result(request.location(), request.instances(), ScaleStatus.FAILED, describe(e)));
            }
        });
        return done;
    }

    @Override
    public CompletionStage<ScaleResult> scaleDown(ScaleDown request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Workload w = workload(request.location());
                KubernetesClient client = clients.apply(request.location());
                HorizontalPodAutoscaler hpa = hpa(client, w);
                if (hpa != null) {
                    onConflictAgain(() -> hpaResource(client, w).edit(h -> new HorizontalPodAutoscalerBuilder(h).editSpec()
                            .withMinReplicas(request.instances()).endSpec().build()));
                } else {
                    onConflictAgain(() -> deployment(client, w).edit(d -> new DeploymentBuilder(d).editSpec()
                            .withReplicas(request.instances()).endSpec().build()));
                }
                return result(request.location(), request.instances(), ScaleStatus.READY, "floor lowered");
            } catch (RuntimeException e) {
                return result(request.location(), request.instances(), ScaleStatus.FAILED, describe(e));
            }
        }, executor);
    }

    /**
     * The ready replicas of every configured location's Deployment, as the API reports them now
     * (blocking: call from a worker). A location whose Deployment cannot be read is left out, so the
     * engine keeps its last reading until that ages out, rather than being told it runs nothing.
     */
    public List<CapacityReading> readyInstances(long now) {
        List<CapacityReading> out = new ArrayList<>();
        for (Map.Entry<String, Workload> e : new TreeMap<>(workloads).entrySet()) {
            try {
                Deployment d = deployment(clients.apply(e.getKey()), e.getValue()).get();
                if (d != null) {
                    out.add(new CapacityReading(e.getKey(), readyReplicas(d), now));
                }
            } catch (RuntimeException ex) {
                log.warn("ready instances of {}: {}", e.getKey(), describe(ex));
            }
        }
        return out;
    }

    private static int readyReplicas(Deployment d) {
        return d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
    }

    /** Raises the floor to {@code target} if it is lower; returns why it cannot, or null. */
    private String raise(KubernetesClient client, Workload w, int target) {
        HorizontalPodAutoscaler hpa = hpa(client, w);
        if (hpa != null) {
            Integer max = hpa.getSpec().getMaxReplicas();
            if (max != null && max < target) {
                return "HPA " + w.namespace() + "/" + w.hpa() + " maxReplicas " + max + " is below the target " + target;
            }
            Integer min = hpa.getSpec().getMinReplicas();
            if (min == null || min < target) {
                onConflictAgain(() -> hpaResource(client, w).edit(h -> new HorizontalPodAutoscalerBuilder(h).editSpec()
                        .withMinReplicas(target).endSpec().build()));
            }
            return null;
        }
        Deployment d = deployment(client, w).get();
        if (d == null) {
            return "deployment " + w.namespace() + "/" + w.deployment() + " not found";
        }
        Integer replicas = d.getSpec().getReplicas();
        if (replicas == null || replicas < target) {
            onConflictAgain(() -> deployment(client, w).edit(x -> new DeploymentBuilder(x).editSpec().withReplicas(target)
                    .endSpec().build()));
        }
        return null;
    }

    /**
     * An edit reads the object and patches it at that resource version; a controller writing the
     * same object in between (the deployment controller updates its status all the time) makes the
     * API answer 409 Conflict. That is no failure to scale: read again and re-apply, a few times.
     */
    private static void onConflictAgain(Runnable edit) {
        for (int attempt = 1; ; attempt++) {
            try {
                edit.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= MAX_CONFLICTS) {
                    throw e;
                }
            }
        }
    }

    private void awaitReady(KubernetesClient client, Workload w, PreScale request, long deadline,
                            CompletableFuture<ScaleResult> done) {
        try {
            Deployment d = deployment(client, w).get();
            int ready = d == null ? 0 : readyReplicas(d);
            if (ready >= request.instances()) {
                done.complete(result(request.location(), ready, ScaleStatus.READY, ready + " replicas ready"));
            } else if (System.nanoTime() > deadline) {
                done.complete(result(request.location(), request.instances(), ScaleStatus.TIMED_OUT,
                        ready + " of " + request.instances() + " replicas ready after " + readyTimeout.toSeconds() + "s"));
            } else {
                executor.schedule(() -> awaitReady(client, w, request, deadline, done), pollInterval.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            done.complete(result(request.location(), request.instances(), ScaleStatus.FAILED, describe(e)));
        }
    }

    private Workload workload(String location) {
        Workload w = workloads.get(location);
        if (w == null) {
            throw new IllegalArgumentException("no Kubernetes workload configured for location " + location);
        }
        return w;
    }

    private static HorizontalPodAutoscaler hpa(KubernetesClient client, Workload w) {
        return w.hpa() == null || w.hpa().isBlank() ? null : hpaResource(client, w).get();
    }

    private static io.fabric8.kubernetes.client.dsl.Resource<HorizontalPodAutoscaler> hpaResource(KubernetesClient client,
                                                                                                  Workload w) {
        return client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(w.namespace()).withName(w.hpa());
    }

    private static io.fabric8.kubernetes.client.dsl.RollableScalableResource<Deployment> deployment(
            KubernetesClient client, Workload w) {
        return client.apps().deployments().inNamespace(w.namespace()).withName(w.deployment());
    }

    private static ScaleResult result(String location, int instances, ScaleStatus status, String detail) {
        return new ScaleResult(location, instances, status, detail);
    }

    private static String describe(RuntimeException e) {
        return e instanceof KubernetesClientException k ? "Kubernetes API " + k.getCode() + ": " + k.getMessage()
                : e.getMessage();
    }
}
