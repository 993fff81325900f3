package houston.app.daemon;

import houston.core.engine.Inputs;
import houston.core.port.Journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The journal as JSON lines in a directory: {@code journal.jsonl} is written, each line forced to
 * disk before {@link #append} returns; past {@code maxBytes} it is renamed {@code journal-<n>.jsonl}
 * and a new one started, keeping the newest {@code keepFiles} rotated files. Reading goes through
 * the rotated files in order, then the current one; a torn last line (a crash mid-write) is skipped.
 */
public final class JsonlJournal implements Journal {

    /** One journaled tick: its inputs exactly, its actions as summaries. */
    public record Record(long tick, Instant at, Inputs inputs, List<String> actions) {
    }

    /** The plan the daemon started from: replay begins at the last one. */
    public record Checkpoint(Instant at, java.util.Map<String, java.util.Map<String, Double>> rows, long generation,
                             long liveGeneration) {
    }

    /** The longest line a journal of {@code maxFile}-byte files writes or reads: a quarter of a file, at most 4 MiB. */
    public static long maxLine(long maxFile) {
        return Math.max(16 * 1024, Math.min(4L << 20, maxFile / 4));
    }

    private final Path dir;
    private final long maxBytes;
    private final int keepFiles;
    private FileChannel channel;

    private volatile long lastWriteNanos;
    private volatile long lastWriteMillis;

    public JsonlJournal(Path dir, long maxBytes, int keepFiles) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.keepFiles = keepFiles;
        try {
            Files.createDirectories(dir);
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        channel = FileChannel.open(current(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private Path current() {
        return dir.resolve("journal.jsonl");
    }

    @Override
    public synchronized void append(Entry entry) {
        write(JournalCodec.encode(entry.tick(), entry.at(), entry.inputs(), entry.actions()));
    }

    /** Marks where the daemon (re)started, with the plan it started from. */
    public synchronized void checkpoint(Checkpoint checkpoint) {
        write(JournalCodec.encode(checkpoint));
    }

    /** How long the last append took, write and fsync included: the journal's lag behind the loop. */
    public long lastWriteNanos() {
        return lastWriteNanos;
    }

    /** When the last append finished (epoch ms; 0: none yet). */
    public long lastWriteMillis() {
        return lastWriteMillis;
    }

    private void write(String text) {
        byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
            lastWriteNanos = System.nanoTime() - started;
            lastWriteMillis = System.currentTimeMillis();
            if (channel.size() > maxBytes) {
                rotate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + current() + ": " + e.getMessage(), e);
        }
    }

    private void rotate() throws IOException {
        channel.close();
        List<Path> rotated = rotated();
        long next = rotated.isEmpty() ? 1 : number(rotated.get(rotated.size() - 1)) + 1;
        Files.move(current(), dir.resolve("journal-" + next + ".jsonl"));
        rotated = rotated();
        for (int i = 0; i < rotated.size() - keepFiles; i++) {
            Files.deleteIfExists(rotated.get(i));
        }
        open();
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

    /** Every tick record, oldest first. */
    public synchronized List<Record> records() {
        return lines().stream().filter(Record.class::isInstance).map(Record.class::cast).toList();
    }

    /** The last checkpoint and the tick records after it (empty journal: null checkpoint, no records). */
    public synchronized Checkpoint lastCheckpoint() {
        Checkpoint last = null;
        for (Object o : lines()) {
            if (o instanceof Checkpoint c) {
                last = c;
            }
        }
        return last;
    }

    /** Tick records written after the last checkpoint. */
    public synchronized List<Record> sinceLastCheckpoint() {
        List<Record> since = new ArrayList<>();
        for (Object o : lines()) {
            if (o instanceof Checkpoint) {
                since.clear();
            } else {
                since.add((Record) o);
            }
        }
        return since;
    }

    private List<Object> lines() {
        List<Object> records = new ArrayList<>();
        try {
            List<Path> files = new ArrayList<>(rotated());
            files.add(current());
            for (Path f : files) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    try {
                        records.add(JournalCodec.decodeLine(lines.get(i)));
                    } catch (RuntimeException torn) {
                        if (i != lines.size() - 1) {
                            throw new IllegalStateException("journal " + f + " line " + (i + 1) + " is unreadable", torn);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal in " + dir + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** Inputs are the truth (the engine recomputes decisions from them): entries carry no actions. */
    @Override
    public List<Entry> readAll() {
        return records().stream().map(r -> new Entry(r.tick(), r.at(), r.inputs(), List.of())).toList();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
