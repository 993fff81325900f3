package houston.app.config;

import java.nio.file.Path;
import java.util.HashSet;

/** Reads {@code houston.slack}. */
final class SlackReader {

    private static final String CHANNEL = "a channel id such as C0123ABCD, or #name";


    private final ConfigReader in;

    SlackReader(ConfigReader in) {
        this.in = in;
    }

    SlackSettings read() {
        String p = "houston.slack.";
        Path token = in.secretFile(p + "token-file", "the bot token", 1);
        Path secret = in.secretFile(p + "signing-secret-file", "the signing secret", 1);
        var users = new HashSet<>(in.strings(p + "allowed-users"));
        for (String u : users) {
            if (!u.matches("[UW][A-Z0-9]{2,20}")) {
                in.problem(p + "allowed-users", "Slack user ids such as U0123ABCD (not names: names change)");
                break;
            }
        }
        String group = in.string(p + "allowed-group", "a user group id such as S0123ONCALL, or \"\"");
        String onCall = in.string(p + "on-call-group", "a user group id such as S0123ONCALL, or \"\"");
        for (String g : new String[]{group, onCall}) {
            if (!g.isBlank() && !g.matches("S[A-Z0-9]{2,20}")) {
                in.problem(g.equals(group) ? p + "allowed-group" : p + "on-call-group", "a user group id such as S0123ONCALL");
            }
        }
        if (secret != null && users.isEmpty() && group.isBlank()) {
            in.problem(p + "allowed-users", "at least one user id or an allowed-group when commands are on "
                    + "(signing-secret-file is set): otherwise nobody could act");
        }
        String api = in.string(p + "api-url", "an https URL");
        if (!api.startsWith("https://") && !api.startsWith("http://")) {
            in.problem(p + "api-url", "an http(s) URL");
        }
        String channel = in.string(p + "channel", CHANNEL);
        if (!channel.matches("#?[A-Za-z0-9._-]{1,80}")) {
            // "" or "#houston alerts" passed and every post failed later with channel_not_found.
            in.problem(p + "channel", CHANNEL);
        }
        return new SlackSettings(token, channel, onCall, secret, users, group,
                api, in.integer(p + "outbox", 1, 1_000_000), in.integer(p + "max-attempts", 1, 20));
    }
}
