package houston.dns.route53;

import houston.dns.records.Change;
import houston.dns.records.RecordSet;
import houston.dns.zone.ZoneException;
import houston.dns.zone.ZoneStore;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeBatch;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.PriorRequestNotCompleteException;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ThrottlingException;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Route 53 hosted zone through the AWS SDK v2. The SDK's own retries are off (the switch
 * retries with its own bounded backoff, and must see every throttle to report it); the HTTP
 * client is set explicitly (URL connection: no second Netty beside Vert.x's). Errors become
 * {@link ZoneException}s: Throttling and PriorRequestNotComplete are THROTTLED, 5xx and network
 * failures SERVER_ERROR, InvalidChangeBatch keeps Route 53's message.
 */
public final class Route53Zone implements ZoneStore, AutoCloseable {

    /** How long one control-plane watch read may take before it counts as failed. */
    static final Duration WATCH_TIMEOUT = Duration.ofSeconds(3);

    private final Route53Client client;
    private final String hostedZoneId;

    /**
     * @param hostedZoneId e.g. {@code Z0123456789ABC} (a {@code /hostedzone/} prefix is stripped: the
     *                     SDK would URL-encode it into the path)
     * @param endpoint     endpoint override (a stand-in in tests), or null for AWS
     */
    public Route53Zone(String hostedZoneId, URI endpoint, AwsCredentialsProvider credentials) {
        this.hostedZoneId = hostedZoneId.replaceFirst("^/?hostedzone/", "");
        this.client = client(endpoint, credentials);
    }

    /**
     * A Route 53 client as Houston uses it: signed for us-east-1 (Route 53 is global, but AWS_GLOBAL
     * would sign for "aws-global"), the URL connection HTTP client, the SDK's own retries off.
     *
     * @param endpoint    endpoint override (a stand-in in tests), or null for AWS
     * @param credentials credentials, or null for the AWS default chain
     */
    public static Route53Client client(URI endpoint, AwsCredentialsProvider credentials) {
        var builder = Route53Client.builder()
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder.build();
    }

    @Override
    public List<RecordSet> list() {
        return call(() -> {
            List<RecordSet> sets = new ArrayList<>();
            ListResourceRecordSetsRequest request = ListResourceRecordSetsRequest.builder().hostedZoneId(hostedZoneId)
                    .maxItems("300").build();
            for (ResourceRecordSet r : client.listResourceRecordSetsPaginator(request).resourceRecordSets()) {
                if (r.aliasTarget() != null) {
                    continue;
                }
                sets.add(new RecordSet(r.name(), r.typeAsString(), r.setIdentifier(), r.weight(),
                        r.ttl() == null ? 0 : r.ttl(), r.resourceRecords().stream().map(ResourceRecord::value).toList(),
                        r.healthCheckId()));
            }
            return sets;
        });
    }

    @Override
    public String submit(List<Change> batch, String comment) {
        List<software.amazon.awssdk.services.route53.model.Change> changes = batch.stream()
                .map(c -> software.amazon.awssdk.services.route53.model.Change.builder()
                        .action(ChangeAction.fromValue(c.action().name()))
                        .resourceRecordSet(toSdk(c.set())).build())
                .toList();
        return call(() -> client.changeResourceRecordSets(ChangeResourceRecordSetsRequest.builder()
                        .hostedZoneId(hostedZoneId)
                        .changeBatch(ChangeBatch.builder().comment(comment).changes(changes).build()).build())
                .changeInfo().id().replaceFirst("^/?change/", ""));
    }

    @Override
    public boolean insync(String changeId) {
        return call(() -> client.getChange(GetChangeRequest.builder().id(changeId).build()).changeInfo().status()
                == ChangeStatus.INSYNC);
    }

    /**
     * GetHostedZone: served by the same control plane as ChangeResourceRecordSets (us-east-1), one
     * request whatever the zone's size, with a timeout of its own ({@link #WATCH_TIMEOUT}) below
     * the watch's cadence, so a hung API reads as down before the next read is due.
     */
    @Override
    public void readControlPlane() {
        call(() -> client.getHostedZone(GetHostedZoneRequest.builder().id(hostedZoneId)
                .overrideConfiguration(c -> c.apiCallTimeout(WATCH_TIMEOUT)).build()));
    }

    private static ResourceRecordSet toSdk(RecordSet s) {
        return ResourceRecordSet.builder().name(s.name()).type(s.type()).setIdentifier(s.setIdentifier())
                .weight(s.weight()).ttl(s.ttl()).healthCheckId(s.healthCheckId())
                .resourceRecords(s.values().stream().map(v -> ResourceRecord.builder().value(v).build()).toList())
                .build();
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ThrottlingException | PriorRequestNotCompleteException e) {
            throw new ZoneException(ZoneException.Kind.THROTTLED, message(e), e);
        } catch (InvalidChangeBatchException e) {
            throw new ZoneException(ZoneException.Kind.INVALID_CHANGE_BATCH, message(e), e);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if ("Throttling".equals(code) || "PriorRequestNotComplete".equals(code)) {
                throw new ZoneException(ZoneException.Kind.THROTTLED, message(e), e);
            }
            throw new ZoneException(e.statusCode() >= 500 ? ZoneException.Kind.SERVER_ERROR : ZoneException.Kind.OTHER,
                    message(e), e);
        } catch (SdkClientException e) {
            throw new ZoneException(ZoneException.Kind.SERVER_ERROR, "cannot reach Route 53: " + e.getMessage(), e);
        }
    }

    private static String message(SdkException e) {
        if (e instanceof AwsServiceException a && a.awsErrorDetails() != null) {
            return a.awsErrorDetails().errorCode() + ": " + a.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }
}
