package houston.app.daemon;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a {@link JsonlJournal}'s directory: {@code journal.jsonl} is the one written, a full
 * one is renamed {@code journal-<n>.jsonl} (numbered on, the newest {@code keepFiles} kept), and they
 * are read rotated files first, oldest first, then the current one. Holds no open file: the journal
 * opens, writes and closes the current one.
 */
final class JournalFiles {

    private final Path dir;
    private final int keepFiles;

    JournalFiles(Path dir, int keepFiles) {
        this.dir = dir;
        this.keepFiles = keepFiles;
    }

    /** The file written now. */
    Path current() {
        return dir.resolve("journal.jsonl");
    }

    /** A crash mid-write leaves a line without its newline: cut it, or the next line would be glued to it. */
    void cutTornTail() throws IOException {
        if (!Files.exists(current())) {
            return;
        }
        try (FileChannel file = FileChannel.open(current(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = file.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            long keep = end;
            while (keep > 0) {
                one.clear();
                file.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                file.truncate(keep);
                // Logged as the journal: the line an operator knows and a log configuration names.
                LoggerFactory.getLogger(JsonlJournal.class).warn("journal {} ended in a torn line of {} bytes (the "
                        + "process stopped mid-write): cut, the tick it held never happened", current(), end - keep);
            }
        }
    }

    /**
     * Renames the full current file {@code journal-<n>.jsonl}, one past the newest rotated file, and
     * deletes the oldest rotated files past the newest {@code keepFiles}; the caller has closed it.
     */
    void rotate() throws IOException {
        List<Path> rotated = rotated();
        long next = rotated.isEmpty() ? 1 : number(rotated.get(rotated.size() - 1)) + 1;
        Files.move(current(), dir.resolve("journal-" + next + ".jsonl"));
        rotated = rotated();
        for (int i = 0; i < rotated.size() - keepFiles; i++) {
            Files.deleteIfExists(rotated.get(i));
        }
    }

    /** Every file of the journal in the order its ticks were written: rotated ones oldest first, then the current. */
    List<Path> inReadingOrder() throws IOException {
        List<Path> files = new ArrayList<>(rotated());
        files.add(current());
        return files;
    }

    private List<Path> rotated() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("journal-\\d+\\.jsonl"))
                    .sorted((a, b) -> Long.compare(number(a), number(b))).toList();
        }
    }

    private static long number(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring("journal-".length(), name.length() - ".jsonl".length()));
    }
}
