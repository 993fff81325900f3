package houston.app.config;

import houston.core.config.EngineConfig;
import houston.core.config.ProbeConfig;
import houston.core.model.Topology;

import java.time.Duration;

/**
 * The validated configuration, mapped into core records.
 *
 * @param source   where it came from ("built-in defaults" or the file given)
 * @param tick     how often the control loop steps the engine
 * @param probes   probe timing and limits
 * @param engine   everything the decision engine needs besides the topology
 * @param topology the locations and their distances
 * @param outside  what to probe, whom to trust, signed pushes, agents, service signals
 * @param dns      where traffic plans are published
 * @param scaler   how receivers are pre-scaled
 * @param slack    notifications and commands
 * @param daemon   where the daemon listens and journals, and its own vantage
 * @param ha       replicas: none, or one leader among several coordinated through ZooKeeper
 */
public record HoustonSettings(String source, Duration tick, ProbeConfig probes, EngineConfig engine,
                              Topology topology, IntegrationSettings outside, DnsSettings dns,
                              ScalerSettings scaler, SlackSettings slack, DaemonSettings daemon, HaSettings ha) {
}
