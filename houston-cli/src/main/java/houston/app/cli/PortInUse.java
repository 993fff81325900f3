package houston.app.cli;

import java.net.BindException;

/** Recognises "the port is taken" in what a server's listen failed with, whichever transport said it. */
final class PortInUse {

    private PortInUse() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Netty's native transports report it as an IOException that is not a BindException.
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
