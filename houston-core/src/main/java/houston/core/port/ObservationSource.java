package houston.core.port;

import houston.core.health.Observation;
import houston.core.health.ServiceSignal;

import java.util.function.Consumer;

/**
 * Where observations and service signals come from: the daemon's own probes, remote agents,
 * signal intakes, or a simulated world. The daemon buffers what arrives and hands it to the
 * engine on the next tick.
 */
public interface ObservationSource extends AutoCloseable {

    /** Starts delivering; each callback may come from any thread. */
    void start(Consumer<Observation> observations, Consumer<ServiceSignal> signals);

    /** Stops delivering; nothing arrives after this returns. */
    @Override
    void close();
}
