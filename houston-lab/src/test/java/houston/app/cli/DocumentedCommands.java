package houston.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every command the README and {@code docs/} show a reader: the lines of fenced code blocks and the
 * inline code spans (a span may wrap onto the next line) that start with one of Houston's launchers
 * or the Maven wrapper. A block line written {@code $ command} is followed by the output it shows.
 */
final class DocumentedCommands {

    /** What a reader would type first: the lab/CLI launcher, the release launcher, the build. */
    private static final Pattern LAUNCHER = Pattern.compile("^(\\./houston|bin/houston|/opt/houston/bin/houston|\\./mvnw)(\\s.*)?$");
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+(?:\\n[^`\\n]+)?)`");
    /** A trailing "   # comment" or "   (explanation)" in a block is prose beside the command, not part of it. */
    private static final Pattern TRAILING_PROSE = Pattern.compile("\\s{2,}[#(].*$");

    record Shown(String where, String command, List<String> output) {
        List<String> words() {
            return List.of(command.split("\\s+"));
        }
    }

    private DocumentedCommands() {
    }

    /** The shown commands of README.md and every docs/*.md under {@code root}, in reading order. */
    static List<Shown> in(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Shown> shown = new ArrayList<>();
        for (Path file : files) {
            shown.addAll(of(root.relativize(file).toString(), Files.readAllLines(file)));
        }
        return shown;
    }

    static List<Shown> of(String name, List<String> lines) {
        List<Shown> shown = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        int proseStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                if (prose.isEmpty()) {
                    proseStart = i;
                }
                prose.append(lines.get(i)).append('\n');
                continue;
            }
            shown.addAll(inline(name, proseStart, prose.toString()));
            prose.setLength(0);
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            shown.addAll(block(name, i + 1, lines.subList(i + 1, Math.min(end, lines.size()))));
            i = end;
        }
        shown.addAll(inline(name, proseStart, prose.toString()));
        return shown;
    }

    private static List<Shown> block(String name, int first, List<String> body) {
        List<Shown> shown = new ArrayList<>();
        for (int j = 0; j < body.size(); j++) {
            String line = body.get(j).strip();
            boolean withOutput = line.startsWith("$ ");
            String command = TRAILING_PROSE.matcher(withOutput ? line.substring(2) : line).replaceFirst("").strip();
            if (LAUNCHER.matcher(command).matches()) {
                List<String> output = withOutput ? List.copyOf(body.subList(j + 1, body.size())) : List.of();
                shown.add(new Shown(name + ":" + (first + j + 1), command, output));
            }
        }
        return shown;
    }

    private static List<Shown> inline(String name, int firstLine, String prose) {
        List<Shown> shown = new ArrayList<>();
        Matcher span = INLINE.matcher(prose);
        while (span.find()) {
            String command = span.group(1).replace('\n', ' ').replaceAll("\\s+", " ").strip();
            if (LAUNCHER.matcher(command).matches()) {
                int line = firstLine + 1 + (int) prose.substring(0, span.start()).chars().filter(c -> c == '\n').count();
                shown.add(new Shown(name + ":" + line, command, List.of()));
            }
        }
        return shown;
    }
}
