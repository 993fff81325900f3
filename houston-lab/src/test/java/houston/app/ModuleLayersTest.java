package houston.app;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The modules' dependency direction, read from every module's pom.xml: core at the bottom, then the
 * adapters and the simulator, replicas, the daemon, the CLI (the release), the lab on top. A module
 * uses only modules of lower layers (its tests those of its own layer too), nothing uses the lab, and the daemon
 * reaches the simulator only through its Drills port, never through a dependency.
 */
class ModuleLayersTest {

    private static final Path ROOT = Path.of("..");
    /** A module's layer; a new module is placed here before the build accepts it. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("houston-testkit", -1),
            Map.entry("houston-core", 0),
            Map.entry("health-probes", 1), Map.entry("dns-switcher", 1), Map.entry("capacity-planner", 1),
            Map.entry("slack-bot", 1), Map.entry("simulations", 1),
            Map.entry("houston-ha", 2),
            Map.entry("houston-daemon", 3),
            Map.entry("houston-cli", 4),
            Map.entry("houston-lab", 5), Map.entry("houston-drills", 5));

    @Test
    void everyModuleHasALayer() throws Exception {
        assertEquals(new TreeSet<>(LAYERS.keySet()), new TreeSet<>(children(parse(ROOT.resolve("pom.xml")), "modules", "module")));
    }

    @Test
    void aModuleUsesOnlyModulesBelowIt() throws Exception {
        List<String> upwards = new ArrayList<>();
        modules(false).forEach((module, uses) -> uses.stream()
                .filter(used -> LAYERS.get(used) >= LAYERS.get(module))
                .forEach(used -> upwards.add(module + " -> " + used)));

        assertEquals(List.of(), upwards);
    }

    /** Tests may borrow a neighbour's test helpers, never those of a module above their own. */
    @Test
    void testsUseNoModuleAboveTheirOwn() throws Exception {
        List<String> upwards = new ArrayList<>();
        modules(true).forEach((module, uses) -> uses.stream()
                .filter(used -> LAYERS.get(used) > LAYERS.get(module))
                .forEach(used -> upwards.add(module + " -> " + used)));

        assertEquals(List.of(), upwards);
    }

    /** The test kit sits below everything, for tests only: shipped code never waits with a test helper. */
    @Test
    void onlyTestsUseTheTestKit() throws Exception {
        List<String> shipped = new ArrayList<>();
        modules(false).forEach((module, uses) -> {
            if (uses.contains("houston-testkit")) {
                shipped.add(module);
            }
        });

        assertEquals(List.of(), shipped);
    }

    @Test
    void nothingUsesTheLab() throws Exception {
        modules(true).forEach((module, uses) -> assertFalse(uses.contains("houston-lab"), module + " uses houston-lab"));
    }

    @Test
    void theDaemonReachesNeitherTheSimulatorNorTheCliEvenTransitively() throws Exception {
        Set<String> reached = reachable(modules(false), "houston-daemon");

        assertEquals(Set.of("houston-core", "health-probes", "dns-switcher", "capacity-planner", "slack-bot", "houston-ha"), reached);
    }

    @Test
    void theReleaseHoldsTheSimulatorForDrillsButNotTheLab() throws Exception {
        Set<String> reached = reachable(modules(false), "houston-cli");

        assertTrue(reached.contains("simulations") && reached.contains("houston-daemon"), reached.toString());
        assertFalse(reached.contains("houston-lab"), reached.toString());
    }

    /** Module → the Houston modules it declares, test scope only when {@code withTests}. */
    private static Map<String, Set<String>> modules(boolean withTests) throws Exception {
        Map<String, Set<String>> modules = new LinkedHashMap<>();
        for (String module : LAYERS.keySet()) {
            Element pom = parse(ROOT.resolve(module).resolve("pom.xml"));
            Set<String> uses = new TreeSet<>();
            NodeList dependencies = pom.getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                boolean test = "test".equals(text(dependency, "scope"));
                if ("io.houston".equals(text(dependency, "groupId")) && (withTests || !test)) {
                    uses.add(text(dependency, "artifactId"));
                }
            }
            modules.put(module, uses);
        }
        return modules;
    }

    private static Set<String> reachable(Map<String, Set<String>> modules, String from) {
        Set<String> reached = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(modules.get(from));
        while (!next.isEmpty()) {
            String module = next.pop();
            if (reached.add(module)) {
                next.addAll(modules.getOrDefault(module, Set.of()));
            }
        }
        return reached;
    }

    private static Element parse(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }

    private static List<String> children(Element parent, String list, String item) {
        List<String> values = new ArrayList<>();
        NodeList items = ((Element) parent.getElementsByTagName(list).item(0)).getElementsByTagName(item);
        for (int i = 0; i < items.getLength(); i++) {
            values.add(items.item(i).getTextContent().strip());
        }
        return values;
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
