package houston.slack.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox's ledger as a JSON-lines file beside the journal: one line per event (queued with the
 * message, posting, refused, settled), appended and flushed before the call returns, so a SIGKILL
 * loses nothing the process was told (a power cut may lose what the OS had not written; the journal's
 * decisions say the same). The file is rewritten with only what is owed when it has grown well past
 * that (and at start), so it stays the size of the backlog: written whole beside it, then renamed over
 * it, so a process killed during a compaction leaves the ledger as it was. A half-written last line (the
 * process died mid-write, perhaps inside a character) is skipped: that message had not been acknowledged
 * to anyone yet, or its post was still marked in flight and is re-sent marked.
 */
public final class JsonLinesOutboxLedger implements OutboxLedger {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesOutboxLedger.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMPACT_AFTER = 1000;

    private final Path file;
    private final Map<Long, Owed> owed = new LinkedHashMap<>();
    private final List<Owed> atStart;
    private Writer out;
    private long next;
    private int lines;

    public JsonLinesOutboxLedger(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            // Decoded leniently: a SIGKILL can cut the last line inside a multi-byte character, and a
            // strict decoder would refuse the whole file (and the daemon its start) for that torn line.
            for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                read(line);
            }
        }
        this.atStart = List.copyOf(owed.values());
        rewrite();
    }

    private void read(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException halfWritten) {
            return;
        }
        if (n == null || !n.has("id")) {
            return;
        }
        long id = n.get("id").asLong();
        next = Math.max(next, id);
        JsonNode m = n.get("queued");
        if (m != null) {
            owed.put(id, new Owed(id, new SlackMessage(m.path("text").asText(), m.path("blocks").asText(),
                    m.hasNonNull("incident") ? m.get("incident").asText() : null, m.path("alert").asBoolean()), false));
            return;
        }
        switch (n.path("at").asText()) {
            case "posting" -> owed.computeIfPresent(id, (k, v) -> new Owed(id, v.message(), true));
            case "refused" -> owed.computeIfPresent(id, (k, v) -> new Owed(id, v.message(), false));
            case "settled" -> owed.remove(id);
            default -> log.debug("unknown outbox ledger line skipped: {}", line);
        }
    }

    @Override
    public synchronized long queued(SlackMessage m) {
        long id = ++next;
        owed.put(id, new Owed(id, m, false));
        append(queuedLine(id, m));
        return id;
    }

    @Override
    public synchronized void posting(long id) {
        mark(id, "posting");
    }

    @Override
    public synchronized void refused(long id) {
        mark(id, "refused");
    }

    @Override
    public synchronized void settled(long id) {
        owed.remove(id);
        mark(id, "settled");
        if (lines > COMPACT_AFTER && lines > 4 * owed.size()) {
            rewrite();
        }
    }

    @Override
    public List<Owed> owed() {
        return atStart;
    }

    private void mark(long id, String at) {
        append(JSON.createObjectNode().put("id", id).put("at", at).toString());
    }

    private static String queuedLine(long id, SlackMessage m) {
        ObjectNode n = JSON.createObjectNode().put("id", id);
        n.putObject("queued").put("text", m.text()).put("blocks", m.blocks()).put("incident", m.incident())
                .put("alert", m.alert());
        return n.toString();
    }

    private void append(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
            lines++;
        } catch (IOException e) {
            log.error("cannot record the Slack outbox in {} ({}): a restart now may lose or repeat a message", file,
                    e.getMessage());
        }
    }

    /**
     * Writes only what is owed (whole, then renamed into place) and appends from there. A compaction
     * that fails keeps appending to the ledger as it was; only the first, at start, is fatal.
     */
    private void rewrite() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            List<String> keep = new ArrayList<>();
            for (Owed o : owed.values()) {
                keep.add(queuedLine(o.id(), o.message()));
                if (o.maybePosted()) {
                    keep.add(JSON.createObjectNode().put("id", o.id()).put("at", "posting").toString());
                }
            }
            Files.write(tmp, keep, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (out != null) {
                out.close();
            }
            lines = keep.size();
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            if (out == null) {
                throw new java.io.UncheckedIOException("cannot write the Slack outbox ledger " + file, e);
            }
            log.warn("Slack outbox ledger {} not compacted ({}): appending to it as it is", file, e.getMessage());
        }
    }
}
