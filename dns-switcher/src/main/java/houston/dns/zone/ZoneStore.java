package houston.dns.zone;

import houston.dns.records.Change;
import houston.dns.records.RecordSet;

import java.util.List;

/**
 * A DNS zone as Route 53 exposes it: list the record sets, submit an atomic change batch, ask
 * whether a change is in sync. Calls block; the switch makes them from its own thread.
 */
public interface ZoneStore {

    /** Every record set in the zone (paginated underneath). */
    List<RecordSet> list();

    /** Applies the whole batch or none of it; returns the change id. */
    String submit(List<Change> batch, String comment);

    /** True once the change is served by every name server. */
    boolean insync(String changeId);

    /**
     * One cheap read served by the control plane (the API changes go through), for the
     * control-plane watch; throws {@link ZoneException} as any call does. By default a listing:
     * the in-memory and file zones have no cheaper read, and the lab's API outage fails it.
     */
    default void readControlPlane() {
        list();
    }
}
