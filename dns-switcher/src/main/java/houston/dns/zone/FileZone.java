package houston.dns.zone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import houston.dns.records.Change;
import houston.dns.records.RecordSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A zone kept in a JSON file, for dry runs: every accepted batch rewrites the file (write a
 * temporary file, then rename over the old one, so a crash never leaves half a zone), and a new
 * instance reads it back. Changes are in sync at once.
 */
public final class FileZone extends InMemoryZone {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's shape: the record sets, and a human-readable summary written beside them. */
    public record ZoneFile(Map<String, Object> summary, List<RecordSet> records) {
    }

    private final Path file;
    private final SummaryWriter summary;
    /** The file as this zone last read or wrote it (modified time, size): anything else was written by another. */
    private long seenModified = -1;
    private long seenSize = -1;

    /** What to write beside the records so a human can read the plan without decoding weights. */
    @FunctionalInterface
    public interface SummaryWriter {
        Map<String, Object> summarize(List<RecordSet> records);
    }

    public FileZone(Path file, Clock clock, SummaryWriter summary) {
        super(clock, Duration.ZERO);
        this.file = file;
        this.summary = summary;
        if (Files.exists(file)) {
            try {
                load(read());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read DNS zone file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private List<RecordSet> read() throws IOException {
        List<RecordSet> records = Arrays.asList(JSON.readValue(file.toFile(), ZoneFile.class).records().toArray(new RecordSet[0]));
        seen();
        return records;
    }

    private void seen() throws IOException {
        seenModified = Files.getLastModifiedTime(file).toMillis();
        seenSize = Files.size(file);
    }

    /**
     * The file is the zone: what another process or a person wrote there since this zone last read or
     * wrote it is read again, so the ownership fence sees another writer as it does in Route 53, and a
     * file that no longer parses fails reads and publishes instead of being replaced by this copy.
     */
    private void refreshIfWrittenElsewhere() {
        try {
            if (!Files.exists(file) || Files.getLastModifiedTime(file).toMillis() == seenModified
                    && Files.size(file) == seenSize) {
                return;
            }
            load(read());
        } catch (IOException e) {
            throw new ZoneException(ZoneException.Kind.OTHER, "DNS zone file " + file + " cannot be read (written "
                    + "outside Houston?): " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    @Override
    public synchronized List<RecordSet> list() {
        refreshIfWrittenElsewhere();
        return super.list();
    }

    @Override
    public synchronized String submit(List<Change> batch, String comment) {
        refreshIfWrittenElsewhere();
        List<RecordSet> before = super.list();
        String id = super.submit(batch, comment);
        List<RecordSet> records = super.list();
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writeValue(tmp.toFile(), new ZoneFile(summary.summarize(records), records));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            seen();
        } catch (IOException e) {
            // The file is the truth: what could not be written did not happen.
            load(before);
            throw new ZoneException(ZoneException.Kind.OTHER, "cannot write DNS zone file " + file + ": " + e.getMessage(), e);
        }
        return id;
    }
}
