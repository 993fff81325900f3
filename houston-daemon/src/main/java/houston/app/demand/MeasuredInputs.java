package houston.app.demand;

import houston.app.config.HoustonSettings;
import houston.app.daemon.ControlLoop;
import houston.capacity.KubernetesScaler;
import houston.capacity.WebhookScaler;
import houston.core.engine.Inputs.CapacityReading;
import houston.core.engine.Inputs.DemandReading;
import houston.core.port.Scaler;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The readings {@code houston run} feeds its control loop: measured demand from Prometheus when
 * {@code houston.demand.provider = prometheus}, and the ready instances the scaler's platform
 * reports (the Kubernetes Deployments' ready replicas, or the webhook's status per location).
 * Without either, the engine plans on configured peaks and on the instances it built or saw
 * become ready.
 */
public final class MeasuredInputs implements AutoCloseable {

    private final PrometheusDemandSource demand;
    private final ReadyInstancesPoller capacity;

    private MeasuredInputs(PrometheusDemandSource demand, ReadyInstancesPoller capacity) {
        this.demand = demand;
        this.capacity = capacity;
    }

    /** Starts the configured readers and has {@code loop} read them at every tick. */
    public static MeasuredInputs start(Vertx vertx, HoustonSettings settings, Scaler scaler,
                                       ScheduledExecutorService worker, Clock clock, MeterRegistry registry,
                                       ControlLoop loop) {
        PrometheusDemandSource demand = settings.outside().demand().enabled()
                ? new PrometheusDemandSource(vertx, settings.outside().demand(), Set.copyOf(settings.topology().ids()),
                clock, registry) : null;
        LongFunction<List<CapacityReading>> ready = readyInstances(scaler, settings.topology().ids());
        ReadyInstancesPoller capacity = ready == null ? null
                : new ReadyInstancesPoller(ready, worker, settings.scaler().pollInterval(), clock);
        Supplier<List<DemandReading>> demandIn = demand == null ? List::of : demand::readings;
        Supplier<List<CapacityReading>> capacityIn = capacity == null ? List::of : capacity::readings;
        loop.readFrom(demandIn, capacityIn);
        if (demand != null) {
            demand.start();
        }
        if (capacity != null) {
            capacity.start();
        }
        return new MeasuredInputs(demand, capacity);
    }

    /** How the scaler's platform tells what each location runs ready; null for the lab's (fed by the lab itself). */
    private static LongFunction<List<CapacityReading>> readyInstances(Scaler scaler, List<String> locations) {
        if (scaler instanceof KubernetesScaler k) {
            return k::readyInstances;
        }
        if (scaler instanceof WebhookScaler w) {
            return now -> w.readyInstances(locations, now);
        }
        return null;
    }

    @Override
    public void close() {
        if (demand != null) {
            demand.close();
        }
        if (capacity != null) {
            capacity.close();
        }
    }
}
