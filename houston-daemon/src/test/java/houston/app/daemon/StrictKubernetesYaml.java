package houston.app.daemon;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes YAML read into fabric8's typed model, strictly: fabric8 keeps any field it does not
 * know in {@code additionalProperties} (a typo such as {@code selectr} would pass silently), and
 * reads a kind it does not know as a generic resource. Both are refused here.
 */
final class StrictKubernetesYaml {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrictKubernetesYaml() {
    }

    /** Every document of {@code yaml}, typed; throws naming the first unknown kind or field. */
    static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata resource) || parsed instanceof GenericKubernetesResource) {
                throw new IllegalArgumentException(source + ": not a kind fabric8 knows: " + document.strip().lines().limit(2).toList());
            }
            rejectUnknownFields(resource, source + ": " + resource.getKind() + "/" + resource.getMetadata().getName());
            resources.add(resource);
        }
        return resources;
    }

    private static void rejectUnknownFields(Object value, String path) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                rejectUnknownFields(item, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> rejectUnknownFields(v, path + "." + k));
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                        || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object field = invoke(getter, value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        throw new IllegalArgumentException(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    rejectUnknownFields(field, path + "." + getter.getName().substring(3));
                }
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
