package houston.app.wiring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared secret for signed pushes from a file, with errors an operator can act on. */
public final class SharedSecret {

    private SharedSecret() {
    }

    /** The file's contents without surrounding whitespace; at least 16 bytes. */
    public static byte[] read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read token file " + file + ": " + e.getMessage());
        }
        byte[] secret = text.getBytes(StandardCharsets.UTF_8);
        if (secret.length < 16) {
            throw new IllegalArgumentException("token file " + file + " holds " + secret.length
                    + " bytes (expected: at least 16; e.g. `openssl rand -hex 32 > " + file + "`)");
        }
        return secret;
    }
}
