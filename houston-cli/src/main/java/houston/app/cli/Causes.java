package houston.app.cli;

import java.util.stream.Stream;

/**
 * A failure and the causes under it, outermost first: what a command recognises (a port taken, a journal
 * it cannot use) is often wrapped by the server or the daemon that met it.
 */
final class Causes {

    private Causes() {
    }

    static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The outermost cause of {@code type}, or null. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return of(failure).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }
}
