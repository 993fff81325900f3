package houston.core.engine;

import houston.core.engine.OperatorCommand.Evacuate;
import houston.core.engine.OperatorCommand.Freeze;
import houston.core.engine.OperatorCommand.Pin;
import houston.core.engine.OperatorCommand.Restore;
import houston.core.engine.OperatorCommand.Unfreeze;
import houston.core.engine.OperatorCommand.Unpin;
import houston.core.engine.Overrides.PinOverride;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns operator commands into overrides, and expires overrides whose time is up. The state
 * machine acts on the overrides in the same tick; this class only records them, with who asked.
 */
final class CommandIntake {

    void apply(StepContext ctx, List<OperatorCommand> commands) {
        for (OperatorCommand command : commands) {
            String location = locationOf(command);
            if (location != null && !ctx.topology.contains(location)) {
                ctx.notify(-1, DecisionKind.COMMAND_REJECTED, "rejected " + describe(command) + ": unknown location '"
                        + location + "'", List.of(), List.of());
                continue;
            }
            int l = location == null ? -1 : ctx.topology.indexOf(location);
            if (command instanceof Evacuate e) {
                pin(ctx, l, PinTarget.EVACUATED, e.duration(), e.by(),
                        e.reason() == null || e.reason().isBlank() ? "no reason given" : e.reason());
            } else if (command instanceof Pin p) {
                pin(ctx, l, p.target(), p.duration(), p.by(), PinOverride.pinned(p.target(), p.reason()));
            } else if (command instanceof Unpin u) {
                unpin(ctx, l, u.by());
            } else if (command instanceof Restore r) {
                restore(ctx, l, r.by());
            } else if (command instanceof Freeze f) {
                freeze(ctx, f);
            } else if (command instanceof Unfreeze u) {
                ctx.overrides = ctx.overrides.withFreeze(0, null);
                ctx.notify(-1, DecisionKind.OVERRIDE_APPLIED, "automation unfrozen by " + u.by(), List.of(), List.of());
            }
        }
    }

    private void freeze(StepContext ctx, Freeze f) {
        long until = ctx.now + orDefault(ctx, f.duration()).toMillis();
        String by = f.by() + (f.reason() == null || f.reason().isBlank() ? "" : " (" + f.reason() + ")");
        ctx.overrides = ctx.overrides.withFreeze(until, by);
        ctx.notify(-1, DecisionKind.OVERRIDE_APPLIED, "automation frozen by " + by + " until "
                + Instant.ofEpochMilli(until), List.of(), List.of());
    }

    /** Removes pins and the freeze whose expiry has passed, saying so in their incident's thread. */
    void expire(StepContext ctx) {
        if (ctx.overrides.frozenUntil() > 0 && !ctx.overrides.frozen(ctx.now)) {
            String by = ctx.overrides.frozenBy();
            ctx.overrides = ctx.overrides.withFreeze(0, null);
            ctx.notify(-1, DecisionKind.OVERRIDE_EXPIRED, "freeze by " + by + " expired: automation resumes",
                    List.of(), List.of());
        }
        for (Map.Entry<String, PinOverride> pin : ctx.overrides.pins().entrySet()) {
            if (pin.getValue().until() <= ctx.now) {
                ctx.overrides = ctx.overrides.withPin(pin.getKey(), null);
                ctx.notify(ctx.topology.indexOf(pin.getKey()), DecisionKind.OVERRIDE_EXPIRED, pin.getKey() + " pin "
                        + pin.getValue().target().name().toLowerCase() + " by " + pin.getValue().by()
                        + " expired: automation decides again", List.of(), List.of());
            }
        }
    }

    private void pin(StepContext ctx, int l, PinTarget target, Duration duration, String by, String reason) {
        long until = ctx.now + orDefault(ctx, duration).toMillis();
        ctx.overrides = ctx.overrides.withPin(ctx.id(l), new PinOverride(target, until, by, reason));
        if (target == PinTarget.EVACUATED && ctx.tracks[l].incident() == null) {
            // The operator's pin opens the incident the evacuation then continues: its thread starts
            // with who asked, why and until when, instead of the pin being a top-level post.
            ctx.tracks[l] = ctx.tracks[l].withIncident(ctx.newIncident(l));
        }
        ctx.notify(l, DecisionKind.OVERRIDE_APPLIED, ctx.id(l) + " pinned " + target.name().toLowerCase() + " by " + by
                + " until " + Instant.ofEpochMilli(until) + ": " + reason, List.of(), List.of());
    }

    private void unpin(StepContext ctx, int l, String by) {
        ctx.overrides = ctx.overrides.withPin(ctx.id(l), null);
        ctx.notify(l, DecisionKind.OVERRIDE_APPLIED, ctx.id(l) + " unpinned by " + by, List.of(), List.of());
    }

    private void restore(StepContext ctx, int l, String by) {
        if (!ctx.tracks[l].state().isEvacuation()) {
            ctx.notify(l, DecisionKind.COMMAND_REJECTED, "restore " + ctx.id(l) + " by " + by + " rejected: it is "
                    + ctx.tracks[l].state().name().toLowerCase() + ", not evacuated", List.of(), List.of());
            return;
        }
        ctx.overrides = ctx.overrides.withPin(ctx.id(l), null);
        ctx.tracks[l] = ctx.tracks[l].withRestoreRequested(true);
        ctx.notify(l, DecisionKind.OVERRIDE_APPLIED, ctx.id(l) + " restore requested by " + by
                + ": stepped fail-back starts now", List.of(), List.of());
    }

    private static Duration orDefault(StepContext ctx, Duration duration) {
        return duration == null || duration.isZero() || duration.isNegative()
                ? ctx.config.safety().defaultOverride() : duration;
    }

    private static String locationOf(OperatorCommand command) {
        if (command instanceof Evacuate e) {
            return e.location();
        } else if (command instanceof Restore r) {
            return r.location();
        } else if (command instanceof Pin p) {
            return p.location();
        } else if (command instanceof Unpin u) {
            return u.location();
        }
        return null;
    }

    private static String describe(OperatorCommand command) {
        return command.getClass().getSimpleName().toLowerCase() + " by " + command.by();
    }
}
