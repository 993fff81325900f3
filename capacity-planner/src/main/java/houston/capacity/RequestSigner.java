package houston.capacity;

import java.util.Map;

/** Headers that authenticate a request body (the app plugs in Houston's HMAC signature). */
@FunctionalInterface
public interface RequestSigner {

    Map<String, String> headers(byte[] body);
}
