package houston.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HaConfigTest {

    @TempDir
    Path dir;

    private Path file(String hocon) throws IOException {
        return ConfigFiles.write(dir, hocon);
    }

    @Test
    void theDefaultIsOneDaemonWithoutCoordination() {
        HaSettings ha = HoustonConfigLoader.load(null).ha();

        assertFalse(ha.enabled());
        assertEquals(new HaSettings("none", "", "", Duration.ofSeconds(6), Duration.ofSeconds(3), "/houston"), ha);
    }

    @Test
    void aZooKeeperReplicaIsReadWithItsEnsemble() throws IOException {
        HaSettings ha = HoustonConfigLoader.load(file("houston.ha { provider = zookeeper, replica = eu-west-1, "
                + "zookeeper { connect = \"zk1:2181,zk2:2181\", session-timeout = 4s } }\n")).ha();

        assertEquals(new HaSettings("zookeeper", "eu-west-1", "zk1:2181,zk2:2181", Duration.ofSeconds(4),
                Duration.ofSeconds(3), "/houston"), ha);
    }

    @Test
    void zooKeeperWithoutAnEnsembleOrAReplicaIdNamesBothKeysAndWhatTheyNeed() throws IOException {
        Path f = file("houston.ha.provider = zookeeper\nhouston.ha.zookeeper.connect = \"zk1\"\n");

        List<String> problems = assertThrows(ConfigException.class, () -> HoustonConfigLoader.load(f)).problems().stream()
                .map(ConfigProblem::render).toList();

        assertEquals(2, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("houston.ha.replica: \"\" (expected: a unique id of letters"),
                problems.get(0));
        assertEquals("houston.ha.zookeeper.connect: zk1 (expected: host:port[,host:port...] when houston.ha.provider "
                + "= zookeeper) in " + f + ":2", problems.get(1));
    }

    @Test
    void aConnectionTimeoutLongerThanTheSessionIsAnErrorSayingTheLimit() throws IOException {
        Path f = file("houston.ha { provider = zookeeper, replica = r1, zookeeper { connect = \"zk1:2181\",\n"
                + "session-timeout = 6s, connection-timeout = 10s } }\n");

        List<String> problems = assertThrows(ConfigException.class, () -> HoustonConfigLoader.load(f)).problems().stream()
                .map(ConfigProblem::render).toList();

        assertEquals(List.of("houston.ha.zookeeper.connection-timeout: 10s (expected: at most the session-timeout, 6s: "
                + "a connection attempt longer than the session outlives it) in " + f + ":2"), problems);
    }

    @Test
    void anUnknownProviderIsAnError() throws IOException {
        Path f = file("houston.ha.provider = etcd\n");

        List<String> problems = assertThrows(ConfigException.class, () -> HoustonConfigLoader.load(f)).problems().stream()
                .map(ConfigProblem::render).toList();

        assertEquals(List.of("houston.ha.provider: etcd (expected: none or zookeeper) in " + f + ":1"), problems);
    }
}
