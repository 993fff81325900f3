package houston.app.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * HOCON files are UTF-8. The parser reads other bytes as replacement characters, so a Latin-1 or
 * UTF-16 file shows up as odd keys or syntax errors far from the cause; this names the cause.
 */
final class Utf8Check {

    private Utf8Check() {
    }

    static void check(Path file, String option) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(option, file.toString(), "a readable HOCON file ("
                    + e.getMessage() + ")", "command line")));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            // On an error the decoder stops at the first byte it could not decode.
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ConfigException(List.of(new ConfigProblem("(encoding)", String.format("byte 0x%02X is not UTF-8",
                    bytes[at] & 0xff), "a UTF-8 text file; save it as UTF-8", file + ":" + line)));
        }
    }
}
