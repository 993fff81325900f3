package houston.app.daemon;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a journal's files in order, one line at a time and never more than {@code maxLine} bytes of
 * one line in memory, joining the parts of a split tick back into one record. Memory is bounded by
 * one tick whatever the journal's size. A line that cannot be read (too long, not JSON, a tick's
 * parts out of order) is skipped with a warning naming its file and line: losing the one tick it held
 * costs far less than losing every operator override after it, and the caller still checks the
 * replayed plan against live DNS. The journal's very last line is skipped silently: a crash mid-write
 * tears it.
 */
final class JournalReader {

    private static final Logger log = LoggerFactory.getLogger(JournalReader.class);

    private static final byte[] CHECKPOINT_PREFIX = "{\"checkpoint\"".getBytes(StandardCharsets.UTF_8);

    private final List<Path> files;
    private final long maxLine;

    JournalReader(List<Path> files, long maxLine) {
        this.files = files;
        this.maxLine = maxLine;
    }

    /** How many checkpoints the journal holds (their lines alone are decoded). */
    int checkpoints() {
        int[] n = {0};
        lines((line, where, last) -> n[0] += startsWithCheckpoint(line) ? 1 : 0);
        return n[0];
    }

    /**
     * Every checkpoint, tick record and closing mark from checkpoint number {@code skipCheckpoints + 1} on
     * (the whole journal for 0; lines before it are not decoded), oldest first.
     */
    void read(int skipCheckpoints, Consumer<Object> visitor) {
        int[] seen = {0};
        boolean[] started = {skipCheckpoints == 0};
        List<JsonlJournal.Record> parts = new ArrayList<>();
        lines((line, where, last) -> {
            if (!started[0]) {
                if (!startsWithCheckpoint(line) || ++seen[0] <= skipCheckpoints) {
                    return;
                }
                started[0] = true;
            }
            Object decoded;
            try {
                decoded = line == null ? null : JournalCodec.decodeLine(new String(line, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                decoded = null;
            }
            if (decoded == null) {
                if (!last) {
                    log.warn("journal {} is unreadable{}: skipped, the tick it held is lost", where, line == null
                            ? " (a line longer than " + maxLine + " bytes)" : "");
                }
                parts.clear();
                return;
            }
            if (decoded instanceof JournalCodec.Part p) {
                if (p.part() == 1) {
                    parts.clear();
                }
                if (p.part() != parts.size() + 1) {
                    log.warn("journal {}: part {} of tick {} follows {} parts: the tick is skipped", where, p.part(),
                            p.record().tick(), parts.size());
                    parts.clear();
                    return;
                }
                parts.add(p.record());
                if (p.part() == p.parts()) {
                    visitor.accept(JsonlJournal.Record.join(parts));
                    parts.clear();
                }
                return;
            }
            // A tick whose parts stop before its last one was torn by a crash: it never happened.
            parts.clear();
            visitor.accept(decoded);
        });
    }

    private interface LineVisitor {
        /** {@code line} is null when it was longer than the limit; {@code last}: the journal's final line. */
        void line(byte[] line, String where, boolean last);
    }

    private void lines(LineVisitor visitor) {
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            if (!Files.exists(file)) {
                continue;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                boolean oversized = false;
                int number = 0;
                byte[] pending = null;
                boolean pendingOversized = false;
                int pendingNumber = 0;
                for (int b = in.read(); ; b = in.read()) {
                    if (b == '\n' || b < 0) {
                        if (b < 0 && line.size() == 0 && !oversized) {
                            break;
                        }
                        if (pending != null || pendingOversized) {
                            visitor.line(pendingOversized ? null : pending, file + " line " + pendingNumber, false);
                        }
                        number++;
                        pending = line.toByteArray();
                        pendingOversized = oversized;
                        pendingNumber = number;
                        line.reset();
                        oversized = false;
                        if (b < 0) {
                            break;
                        }
                    } else if (line.size() >= maxLine) {
                        oversized = true;
                        line.reset();
                    } else if (!oversized) {
                        line.write(b);
                    }
                }
                if (pending != null || pendingOversized) {
                    visitor.line(pendingOversized ? null : pending, file + " line " + pendingNumber,
                            f == files.size() - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean startsWithCheckpoint(byte[] line) {
        if (line == null || line.length < CHECKPOINT_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < CHECKPOINT_PREFIX.length; i++) {
            if (line[i] != CHECKPOINT_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }
}
