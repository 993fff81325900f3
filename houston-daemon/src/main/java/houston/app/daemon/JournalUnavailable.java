package houston.app.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The journal cannot be opened or written (a file in its directory's place, permissions, a full, read-only
 * or immutable file system): at start the daemon cannot start, and a tick that cannot be journaled is not
 * taken, since nothing it decided could be replayed. Carries the directory and the file system's reason in
 * words, for an error that names {@code houston.journal.dir}.
 */
public final class JournalUnavailable extends UncheckedIOException {

    private final transient Path dir;
    private final String reason;

    /** @param what what could not be done, as said before the reason: "cannot open journal in DIR" */
    JournalUnavailable(Path dir, String what, IOException cause) {
        super(what + ": " + reason(cause), cause);
        this.dir = dir;
        this.reason = reason(cause);
    }

    public Path dir() {
        return dir;
    }

    /** Why, in the file system's words, once: "/x/journal.jsonl: Operation not permitted" read it twice. */
    public String reason() {
        return reason;
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a directory";
        }
        if (e instanceof FileSystemException f) {
            String why = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName().replace("Exception", "");
            return f.getFile() == null ? why : why + " (" + f.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }
}
