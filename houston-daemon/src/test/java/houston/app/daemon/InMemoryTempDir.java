package houston.app.daemon;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code @TempDir(factory = InMemoryTempDir.class)}: a temporary directory on tmpfs ({@code /dev/shm})
 * where the machine has one, else the usual one. The journal forces every tick to disk, which is its
 * job in a daemon; a test stepping thousands of simulated ticks through it checks decisions, not
 * durability, and would otherwise spend its time waiting on the disk.
 */
public final class InMemoryTempDir implements TempDirFactory {

    private static final Path TMPFS = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
        if (Files.isDirectory(TMPFS) && Files.isWritable(TMPFS)) {
            return Files.createTempDirectory(TMPFS, "junit-");
        }
        return Files.createTempDirectory("junit-");
    }
}
