package houston.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as UTF-8 text up to a cap. {@code BodyHandlers.ofString()} keeps whatever
 * a server sends: a server answering without end (or a daemon of another kind on the port) ran the
 * CLI out of memory. Past the cap the transfer is cancelled and the body fails with {@link TooLarge}.
 */
final class CappedBody implements HttpResponse.BodySubscriber<String> {

    /** The answer was longer than the cap; the message is the line to print. */
    static final class TooLarge extends IOException {
        TooLarge(String from, long cap) {
            super("answer too large from " + from + " (over " + cap + " bytes)");
        }
    }

    private final long cap;
    private final String from;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long cap, String from) {
        this.cap = cap;
        this.from = from;
    }

    /** @param from what the answer is from, as the error names it (a URL) */
    static HttpResponse.BodyHandler<String> handler(long cap, String from) {
        return info -> new CappedBody(cap, from);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (bytes.size() + (long) b.remaining() > cap) {
                subscription.cancel();
                body.completeExceptionally(new TooLarge(from, cap));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toString(StandardCharsets.UTF_8));
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }
}
