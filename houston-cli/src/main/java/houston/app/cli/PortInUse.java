package houston.app.cli;

import java.net.BindException;

/** Recognises "the port is taken" in what a server's listen failed with, whichever transport said it. */
final class PortInUse {

    private PortInUse() {
    }

    static boolean is(Throwable failure) {
        // Netty's native transports report it as an IOException that is not a BindException.
        return Causes.of(failure).anyMatch(t -> t instanceof BindException
                || String.valueOf(t.getMessage()).contains("Address already in use"));
    }
}
