package houston.app.config;

import java.nio.file.Path;
import java.util.Set;

/**
 * Slack notifications and commands.
 *
 * @param tokenFile         bot token file, or null: the console notifier
 * @param signingSecretFile signing secret file, or null: no /houston commands
 */
public record SlackSettings(Path tokenFile, String channel, String onCallGroup, Path signingSecretFile,
                            Set<String> allowedUsers, String allowedGroup, String apiUrl, int outbox, int maxAttempts) {

    public SlackSettings {
        allowedUsers = Set.copyOf(allowedUsers);
    }
}
