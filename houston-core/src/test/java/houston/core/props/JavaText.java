package houston.core.props;

import houston.core.model.Location;
import houston.core.model.Topology;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Values as the Java that builds them, so a shrunk counterexample jqwik prints pastes into an
 * example test as it is: records as {@code new Type(…)}, lists as {@code List.of(…)}, durations
 * as {@code Duration.ofMillis(…)}, a topology as {@code Topology.greatCircle(…)} of
 * {@code TestTopologies.location(…)}.
 */
final class JavaText {

    private JavaText() {
    }

    static String of(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        } else if (value instanceof Duration d) {
            return "Duration.ofMillis(" + d.toMillis() + ")";
        } else if (value instanceof Enum<?> e) {
            return typeName(e.getDeclaringClass()) + "." + e.name();
        } else if (value instanceof List<?> list) {
            return "List.of(" + list.stream().map(JavaText::of).collect(Collectors.joining(", ")) + ")";
        } else if (value instanceof Topology t) {
            return "Topology.greatCircle(List.of(" + t.locations().stream().map(JavaText::location)
                    .collect(Collectors.joining(",")) + "))";
        } else if (value instanceof Record r) {
            return record(r);
        }
        return String.valueOf(value);
    }

    private static String location(Location l) {
        return "\n        TestTopologies.location(" + of(l.id()) + ", " + l.position().latitude() + ", "
                + l.position().longitude() + ", " + l.peakDemandRps() + ", " + of(l.capacity()) + ")";
    }

    private static String record(Record r) {
        StringBuilder s = new StringBuilder("new ").append(typeName(r.getClass())).append('(');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                s.append(i == 0 ? "" : ", ").append(of(components[i].getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i], e);
            }
        }
        return s.append(')').toString();
    }

    /** {@code Outer.Inner} for nested types (e.g. {@code OperatorCommand.Evacuate}), else the simple name. */
    private static String typeName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null ? type.getSimpleName() : outer.getSimpleName() + "." + type.getSimpleName();
    }
}
