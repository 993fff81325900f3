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
                load(Arrays.asList(JSON.readValue(file.toFile(), ZoneFile.class).records().toArray(new RecordSet[0])));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read DNS zone file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized String submit(List<Change> batch, String comment) {
        List<RecordSet> before = list();
        String id = super.submit(batch, comment);
        List<RecordSet> records = list();
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
        } catch (IOException e) {
            // The file is the truth: what could not be written did not happen.
            load(before);
            throw new ZoneException(ZoneException.Kind.OTHER, "cannot write DNS zone file " + file + ": " + e.getMessage(), e);
        }
        return id;
    }
}
