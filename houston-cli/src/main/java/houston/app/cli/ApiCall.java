package houston.app.cli;

import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request from the CLI to a Houston API (the daemon's, the lab's): its answer capped in size
 * ({@link CappedBody}) and in time as a whole — a request timeout covers only the wait for headers,
 * and a server trickling a body held the terminal for ever. Failures keep their kind, so a command
 * tells "too large", "closed without answering" and "refused" apart.
 */
final class ApiCall {

    private ApiCall() {
    }

    /** The server closed the connection before any answer: what a server at its connection cap does. */
    static final class Unanswered extends IOException {
        Unanswered(Throwable cause) {
            super(cause);
        }

        /** The line a command prints, {@code who} being what it called ("the daemon at URL"). */
        static String said(String who) {
            return who + " closed the connection without answering (its connection cap reached? too many open "
                    + "connections from this host)";
        }
    }

    static HttpResponse<String> send(HttpRequest request, long cap, Duration within) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var answer = client.sendAsync(request, CappedBody.handler(cap, request.uri().toString()));
        try {
            return answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no answer within " + within.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof CappedBody.TooLarge) && closedUnanswered(cause)) {
                throw new Unanswered(cause);
            }
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    /** What the JDK's client throws when the server closes before a status line. */
    private static boolean closedUnanswered(Throwable t) {
        return Causes.of(t).anyMatch(c -> c instanceof EOFException || String.valueOf(c.getMessage())
                .matches("(?s).*(received no bytes|EOF reached|Connection reset).*"));
    }
}
