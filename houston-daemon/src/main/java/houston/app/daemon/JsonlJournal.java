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
import java.util.function.Consumer;

/**
 * The journal as JSON lines in a directory: {@code journal.jsonl} is written, each tick forced to
 * disk before {@link #append} returns. No line is longer than {@link #maxLine} (a tick that does not
 * fit is split into parts, see {@link JournalCodec#encodeLines}) and no file grows past
 * {@code maxBytes}: a line that would take it past is written to a new file, the full one renamed
 * {@code journal-<n>.jsonl}, keeping the newest {@code keepFiles} rotated files. Reading streams
 * through the rotated files in order, then the current one ({@link JournalReader}); a torn last line
 * (a crash mid-write) is cut off when the journal is opened again. A graceful stop writes a closing mark.
 */
public final class JsonlJournal implements Journal {

    /** One journaled tick: its inputs exactly, its actions as summaries. */
    public record Record(long tick, Instant at, Inputs inputs, List<String> actions) {

        /** The parts of a split tick as the one tick they were. */
        static Record join(List<Record> parts) {
            List<houston.core.health.Observation> obs = new ArrayList<>();
            List<houston.core.health.ServiceSignal> signals = new ArrayList<>();
            List<houston.core.engine.ActionOutcome> outcomes = new ArrayList<>();
            List<houston.core.engine.OperatorCommand> commands = new ArrayList<>();
            List<String> actions = new ArrayList<>();
            List<houston.core.engine.Inputs.DemandReading> demand = new ArrayList<>();
            List<houston.core.engine.Inputs.CapacityReading> capacity = new ArrayList<>();
            List<houston.core.engine.Inputs.ControlPlaneReading> controlPlane = new ArrayList<>();
            for (Record r : parts) {
                obs.addAll(r.inputs().observations());
                signals.addAll(r.inputs().signals());
                outcomes.addAll(r.inputs().outcomes());
                commands.addAll(r.inputs().commands());
                actions.addAll(r.actions());
                demand.addAll(r.inputs().demand());
                capacity.addAll(r.inputs().capacity());
                controlPlane.addAll(r.inputs().controlPlane());
            }
            return new Record(parts.get(0).tick(), parts.get(0).at(),
                    Inputs.builder().observations(obs).signals(signals).outcomes(outcomes).commands(commands)
                            .demand(demand).capacity(capacity).controlPlane(controlPlane).build(), actions);
        }
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
    private final JournalFiles files;
    private final long maxBytes;
    private final long maxLine;
    private FileChannel channel;
    /**
     * Where the current file's last complete entry ends. Bytes past it are an entry whose write failed
     * midway (a full disk): cut before the next write, or the retried tick is glued to the half line and
     * both are lost on replay — with the publish or the command they held.
     */
    private long complete;

    private volatile long lastWriteNanos;
    private volatile long lastWriteMillis;

    public JsonlJournal(Path dir, long maxBytes, int keepFiles) {
        this.dir = dir;
        this.files = new JournalFiles(dir, keepFiles);
        this.maxBytes = maxBytes;
        this.maxLine = maxLine(maxBytes);
        try {
            Files.createDirectories(dir);
            files.cutTornTail();
            open();
        } catch (IOException e) {
            throw new JournalUnavailable(dir, "cannot open journal in " + dir, e);
        }
    }

    private void open() throws IOException {
        channel = FileChannel.open(files.current(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        complete = channel.size();
    }

    @Override
    public synchronized void append(Entry entry) {
        write(JournalCodec.encodeLines(entry.tick(), entry.at(), entry.inputs(), entry.actions(), maxLine));
    }

    /** Marks where the daemon (re)started, with the plan it started from. */
    public synchronized void checkpoint(Checkpoint checkpoint) {
        write(List.of(JournalCodec.encode(checkpoint)));
    }

    /** How long the last append took, write and fsync included: the journal's lag behind the loop. */
    public long lastWriteNanos() {
        return lastWriteNanos;
    }

    /** When the last append finished (epoch ms; 0: none yet). */
    public long lastWriteMillis() {
        return lastWriteMillis;
    }

    private void write(List<String> lines) {
        long started = System.nanoTime();
        try {
            if (channel.size() > complete) {
                channel.truncate(complete);
            }
            for (String text : lines) {
                byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
                if (line.length > maxLine) {
                    // Only a single action summary or command this long could get here: refuse it, never write it.
                    throw new IllegalStateException("journal line of " + line.length + " bytes (max " + maxLine + ")");
                }
                if (channel.size() > 0 && channel.size() + line.length > maxBytes) {
                    rotate();
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            channel.force(false);
            complete = channel.size();
            lastWriteNanos = System.nanoTime() - started;
            lastWriteMillis = System.currentTimeMillis();
        } catch (IOException e) {
            throw new JournalUnavailable(dir, "cannot write journal " + files.current(), e);
        }
    }

    private void rotate() throws IOException {
        channel.force(false);
        channel.close();
        files.rotate();
        open();
    }

    private JournalReader reader() {
        try {
            return new JournalReader(files.inReadingOrder(), maxLine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every tick record, oldest first (tests: this holds the whole journal in memory). */
    public synchronized List<Record> records() {
        List<Record> records = new ArrayList<>();
        reader().read(0, o -> {
            if (o instanceof Record r) {
                records.add(r);
            }
        });
        return records;
    }

    /** The last checkpoint (empty journal: null). */
    public synchronized Checkpoint lastCheckpoint() {
        JournalReader reader = reader();
        int checkpoints = reader.checkpoints();
        if (checkpoints == 0) {
            return null;
        }
        Checkpoint[] last = {null};
        reader.read(checkpoints - 1, o -> {
            if (o instanceof Checkpoint c && last[0] == null) {
                last[0] = c;
            }
        });
        return last[0];
    }

    /** Streams the tick records written after the last checkpoint to {@code replay}, one at a time. */
    public synchronized void replaySinceLastCheckpoint(Consumer<Record> replay) {
        JournalReader reader = reader();
        reader.read(Math.max(0, reader.checkpoints() - 1), o -> {
            if (o instanceof Record r) {
                replay.accept(r);
            }
        });
    }

    /** Whether any tick was journaled (without holding them). */
    public synchronized boolean hasRecords() {
        boolean[] any = {false};
        reader().read(0, o -> any[0] |= o instanceof Record);
        return any[0];
    }

    /** Inputs are the truth (the engine recomputes decisions from them): entries carry no actions. */
    @Override
    public List<Entry> readAll() {
        return records().stream().map(r -> new Entry(r.tick(), r.at(), r.inputs(), List.of())).toList();
    }

    /** Writes the closing mark, forces it to disk and closes the file. */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        write(List.of(JournalCodec.closed(Instant.now())));
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
