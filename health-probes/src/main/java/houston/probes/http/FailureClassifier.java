package houston.probes.http;

import houston.core.health.Outcome;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * Maps what went wrong below HTTP to an outcome class. TLS problems anywhere in the cause chain
 * are TLS errors (a wrong or expired certificate is what a visitor's browser would refuse);
 * everything else that prevented an answer — refused, reset, closed, unreachable — is a
 * connect error. Timeouts are decided by the probe's own timer, not here.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static Outcome classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t.getClass().getName().contains("Ssl")
                    || t.getClass().getName().contains("Certificate")) {
                return Outcome.TLS_ERROR;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Outcome.CONNECT_ERROR;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException) {
            return failure.getClass().getSimpleName() + message;
        }
        return root.getClass().getSimpleName() + message;
    }
}
