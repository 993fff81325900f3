package houston.probes.agent;

import houston.core.health.Observation;
import houston.probes.intake.HmacAuth;
import houston.probes.intake.ObservationCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes an agent's observations to the daemon in signed batches.
 *
 * <p>What cannot be sent yet waits in a bounded buffer; when it is full the oldest observation
 * is dropped (the engine only looks at the last seconds anyway) and counted. A 429/503 with
 * {@code Retry-After} (the daemon shedding load) is retried after exactly that long. Network errors,
 * 5xx and 401 (clock skew, a rotated token) are retried with exponential backoff; a batch the
 * daemon calls malformed or forbidden (400, 403, 413) is dropped and counted as rejected, so
 * one bad batch cannot block the buffer forever.
 */
public final class ObservationPusher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ObservationPusher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private record Entry(long seq, Observation observation) {
    }

    private final Vertx vertx;
    private final WebClient client;
    private final URI reportTo;
    private final String vantage;
    private final HmacAuth signer;
    private final Clock clock;
    private final int capacity;
    private final int batchMax;
    private final Duration flushInterval;
    private final ArrayDeque<Entry> buffer = new ArrayDeque<>();
    private final Counter dropped;
    private final Counter delivered;
    private final Counter rejected;
    private long nextSeq;
    private boolean sending;
    private long backoffMs;
    private long retryAt;
    private long timerId = -1;

    public ObservationPusher(Vertx vertx, URI reportTo, String vantage, HmacAuth signer, int capacity, int batchMax,
                             Duration flushInterval, Clock clock, MeterRegistry registry) {
        this.vertx = vertx;
        this.client = WebClient.create(vertx);
        this.reportTo = reportTo;
        this.vantage = vantage;
        this.signer = signer;
        this.capacity = capacity;
        this.batchMax = batchMax;
        this.flushInterval = flushInterval;
        this.clock = clock;
        // One pusher per daemon (every replica gets every observation): the daemon tag keeps their counts apart.
        String daemon = reportTo.getAuthority();
        this.dropped = Counter.builder("houston.agent.dropped").tag("daemon", daemon)
                .description("Observations dropped: buffer full").register(registry);
        this.delivered = Counter.builder("houston.agent.delivered").tag("daemon", daemon)
                .description("Observations accepted by the daemon").register(registry);
        this.rejected = Counter.builder("houston.agent.rejected").tag("daemon", daemon)
                .description("Observations refused by the daemon").register(registry);
        Gauge.builder("houston.agent.buffered", this, ObservationPusher::buffered).tag("daemon", daemon).register(registry);
    }

    /** Queues one observation; thread-safe, never blocks. */
    public synchronized void offer(Observation o) {
        if (buffer.size() >= capacity) {
            buffer.pollFirst();
            dropped.increment();
        }
        buffer.addLast(new Entry(nextSeq++, o));
    }

    public void start() {
        timerId = vertx.setPeriodic(flushInterval.toMillis(), id -> flush());
    }

    public synchronized int buffered() {
        return buffer.size();
    }

    public long dropped() {
        return (long) dropped.count();
    }

    public long delivered() {
        return (long) delivered.count();
    }

    /** Sends the oldest batch if none is in flight and no backoff is pending. */
    public void flush() {
        List<Entry> batch;
        synchronized (this) {
            if (sending || buffer.isEmpty() || clock.millis() < retryAt) {
                return;
            }
            sending = true;
            batch = new ArrayList<>(Math.min(batchMax, buffer.size()));
            for (Entry e : buffer) {
                if (batch.size() == batchMax) {
                    break;
                }
                batch.add(e);
            }
        }
        Buffer body = ObservationCodec.encode(vantage, batch.stream().map(Entry::observation).toList());
        long ts = clock.instant().getEpochSecond();
        int port = reportTo.getPort() > 0 ? reportTo.getPort() : "https".equals(reportTo.getScheme()) ? 443 : 80;
        client.post(port, reportTo.getHost(), "/v1/observations").ssl("https".equals(reportTo.getScheme()))
                .timeout(10_000)
                .putHeader(HmacAuth.TIMESTAMP, String.valueOf(ts))
                .putHeader(HmacAuth.SIGNATURE, signer.sign(ts, body.getBytes()))
                .putHeader("Content-Type", "application/json")
                .sendBuffer(body)
                .onComplete(ar -> {
                    int status = ar.succeeded() ? ar.result().statusCode() : -1;
                    String why = ar.succeeded() ? ar.result().bodyAsString() : String.valueOf(ar.cause());
                    done(batch, status, why, ar.succeeded() ? retryAfterMs(ar.result().getHeader("Retry-After")) : -1);
                });
    }

    /** {@code Retry-After} in seconds as ms, capped at the longest backoff; -1 when absent or not seconds. */
    private static long retryAfterMs(String header) {
        try {
            return header == null ? -1 : Math.min(MAX_BACKOFF.toMillis(), Math.max(0, Long.parseLong(header.trim())) * 1000);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private synchronized void done(List<Entry> batch, int status, String why, long retryAfterMs) {
        sending = false;
        boolean permanent = status == 400 || status == 403 || status == 413;
        if (status / 100 == 2 || permanent) {
            long last = batch.get(batch.size() - 1).seq();
            // Entries may have been dropped meanwhile: remove by sequence, not by count.
            while (!buffer.isEmpty() && buffer.peekFirst().seq() <= last) {
                buffer.pollFirst();
            }
            (permanent ? rejected : delivered).increment(batch.size());
            if (permanent) {
                log.error("daemon refused a batch of {} observations ({}): {}", batch.size(), status, why);
            }
            backoffMs = 0;
            retryAt = 0;
        } else if ((status == 429 || status == 503) && retryAfterMs >= 0) {
            // The daemon is shedding load and says when to come back: wait exactly that, keep buffering.
            retryAt = clock.millis() + retryAfterMs;
            log.info("{} is busy ({}), {} buffered, retrying in {} ms", reportTo, status, buffer.size(), retryAfterMs);
        } else {
            backoffMs = backoffMs == 0 ? 500 : Math.min(MAX_BACKOFF.toMillis(), backoffMs * 2);
            retryAt = clock.millis() + backoffMs;
            log.warn("cannot report to {} ({}), {} buffered, retrying in {} ms: {}", reportTo, status, buffer.size(),
                    backoffMs, why);
        }
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        client.close();
    }
}
