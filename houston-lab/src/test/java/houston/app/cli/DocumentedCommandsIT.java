package houston.app.cli;

import houston.app.cli.DocumentedCommands.Shown;
import houston.app.config.HoustonConfigLoader;
import houston.app.lab.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command the README and docs/ show is run, so a document whose example no longer works fails
 * the build. A command with placeholders ({@code LOC}, {@code [--port 8080]}) is a synopsis: its
 * subcommand must exist and its {@code --help} must name every option it shows. A concrete command
 * runs as shown, from a directory holding the repository's {@code config/}, in its own JVM, and must
 * exit 0 and print the output the document shows under it. The few that cannot run as shown (they
 * run until stopped, take minutes, or need a daemon host's files) are listed in {@link DocumentedRuns}
 * with what is run instead, or which test or CI step runs them.
 */
class DocumentedCommandsIT {

    /** Upper-case words and brackets mark a synopsis, not an example: {@code LOC}, {@code FILE}, {@code [--quick]}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[|\\\\?\\||…|\\b[A-Z][A-Z0-9_]*\\b(?![-=])");

    @TempDir
    static Path dir;

    private static Lab lab;

    @BeforeAll
    static void startALabAndLinkTheConfig() throws Exception {
        Files.createSymbolicLink(dir.resolve("config"), repository().resolve("config").toAbsolutePath());
        lab = Lab.start(HoustonConfigLoader.load(null), 0, Files.createDirectory(dir.resolve("lab-journal")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stopTheLab() throws Exception {
        lab.close();
    }

    private static Path repository() {
        return Path.of("..");
    }

    @Test
    void everyShownCommandWorksAsShown() throws Exception {
        List<Shown> shown = DocumentedCommands.in(repository());
        assertTrue(shown.size() > 20, "the documents show commands: " + shown);
        List<String> failures = new ArrayList<>();
        Map<String, String> handledBy = new TreeMap<>();
        for (Shown s : shown) {
            String failure = check(s, handledBy);
            if (failure != null) {
                failures.add(s.where() + ": `" + s.command() + "`: " + failure);
            }
        }
        assertEquals(List.of(), failures, "commands shown in the documents that do not work as shown; handled: " + handledBy);
    }

    /** Null when the command works as the document shows it, else what is wrong. */
    private String check(Shown s, Map<String, String> handledBy) throws Exception {
        DocumentedRuns.Run special = DocumentedRuns.of(s.command(), lab.daemon().port());
        if (special != null) {
            handledBy.put(s.command(), special.why());
            return special.args() == null ? null : expect(s, special.args(), special.mustPrint());
        }
        if (!s.command().startsWith("./houston")) {
            return "not a ./houston command and not listed in DocumentedRuns (say which test or CI step runs it)";
        }
        List<String> args = s.words().subList(1, s.words().size());
        if (PLACEHOLDER.matcher(s.command()).find()) {
            handledBy.put(s.command(), "synopsis");
            return synopsis(args);
        }
        handledBy.put(s.command(), "run as shown");
        return expect(s, args, "");
    }

    private String expect(Shown s, List<String> args, String mustPrint) throws Exception {
        // A path in the command is relative to the repository: only those need a JVM started there.
        boolean paths = args.stream().anyMatch(a -> a.contains("/") || a.contains("."));
        ChildCli.Result run = paths ? ChildCli.run(dir, args) : inThisJvm(args);
        if (run.code() != 0) {
            return "exit " + run.code() + ", expected 0:\n" + run.output();
        }
        if (!run.output().contains(mustPrint)) {
            return "did not print `" + mustPrint + "`:\n" + run.output();
        }
        if (!s.output().isEmpty() && !stripped(run.output()).equals(stripped(String.join("\n", s.output())))) {
            return "printed something else than the document shows:\n" + run.output();
        }
        return null;
    }

    private static ChildCli.Result inThisJvm(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        return new ChildCli.Result(run.code(), run.out() + run.err());
    }

    /** The subcommand a synopsis names exists, and its help names every option the synopsis shows. */
    private static String synopsis(List<String> args) throws Exception {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (!a.matches("[a-z][a-z0-9-]*")) {
                break;
            }
            words.add(a);
        }
        List<String> help = new ArrayList<>(words);
        help.add("--help");
        CliRun run = CliRun.of(help.toArray(String[]::new));
        // Words after the subcommand may be arguments ("lab fault us-east-1 outage"): drop them until help answers.
        while (run.code() != 0 && words.size() > 1) {
            words.remove(words.size() - 1);
            help = new ArrayList<>(words);
            help.add("--help");
            run = CliRun.of(help.toArray(String[]::new));
        }
        if (run.code() != 0) {
            return "no such command: " + run.said();
        }
        for (String a : args) {
            String option = a.replaceAll("[\\[\\]]", "").split("=")[0];
            if (option.startsWith("--") && !run.said().contains(option)) {
                return "`" + String.join(" ", words) + " --help` does not know " + option + ":\n" + run.said();
            }
        }
        return null;
    }

    private static String stripped(String text) {
        return text.lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n").strip();
    }
}
