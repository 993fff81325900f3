package houston.slack.commands;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may move traffic from Slack: listed user ids, and members of one user group (read with
 * {@code usergroups.users.list}, cached for {@link #REFRESH}). When the group cannot be read the
 * last known members stay in force, and if none were ever known only listed users pass: failing
 * closed, never open.
 */
public final class SlackAllowlist implements Predicate<String> {

    static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SlackAllowlist.class);

    /** Reads a user group's members; the production one calls Slack. */
    @FunctionalInterface
    public interface GroupMembers {
        List<String> of(String groupId) throws Exception;
    }

    private final Set<String> users;
    private final String group;
    private final GroupMembers members;
    private final Clock clock;
    private Set<String> groupMembers = Set.of();
    /** When the group was last read (epoch ms), or -1 before the first read. */
    private long readAt = -1;

    public SlackAllowlist(Set<String> users, String group, GroupMembers members, Clock clock) {
        this.users = Set.copyOf(users);
        this.group = group == null || group.isBlank() ? null : group;
        this.members = members;
        this.clock = clock;
    }

    /** Group members through the Slack Web API (scope usergroups:read). */
    public static GroupMembers slackApi(String token, String apiBaseUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiBaseUrl.replaceAll("/$", "") + "/api/");
        config.setStatsEnabled(false);
        var methods = Slack.getInstance(config).methods(token);
        return groupId -> {
            UsergroupsUsersListResponse r = methods.usergroupsUsersList(req -> req.usergroup(groupId));
            if (!r.isOk()) {
                throw new IllegalStateException("usergroups.users.list: " + r.getError());
            }
            return r.getUsers();
        };
    }

    @Override
    public synchronized boolean test(String user) {
        if (users.contains(user)) {
            return true;
        }
        if (group == null) {
            return false;
        }
        if (readAt < 0 || clock.millis() - readAt > REFRESH.toMillis()) {
            try {
                groupMembers = Set.copyOf(members.of(group));
                readAt = clock.millis();
            } catch (Exception e) {
                log.warn("cannot read Slack user group {} ({}); keeping the {} members known", group, e.getMessage(),
                        groupMembers.size());
            }
        }
        return groupMembers.contains(user);
    }
}
