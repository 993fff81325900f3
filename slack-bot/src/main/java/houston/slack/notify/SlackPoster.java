package houston.slack.notify;

/** Posts one message; returns its timestamp id (the thread key for replies). Blocking. */
@FunctionalInterface
public interface SlackPoster {

    String post(String channel, String text, String blocks, String threadTs) throws DeliveryException;
}
