package houston.probes.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test certificate authority and leaf certificates signed by it, made for one test run with the
 * JDK's own keytool. Leaves are signed rather than self-signed because the JDK does not check the
 * validity dates of a trust anchor itself: an expired certificate is only refused as a leaf.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    /**
     * Every keytool call is a JVM start (17 per run of VertxHttpProbeIT, most of its time): the client
     * compiler alone and the serial collector halve the CPU each one takes.
     */
    private static final List<String> SHORT_LIVED_JVM = List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC");

    private final Path dir;
    private final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

    /** Creates the CA in {@code dir}. */
    TestCertificates(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        run(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Houston Test CA", "-ext", "bc:c", "-validity", "30", "-keystore", store("ca"),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", store("ca"), "-storepass", PASSWORD,
                "-file", caPem().toString());
    }

    /** The CA certificate as PEM: the only thing a probe needs to trust. */
    Path caPem() {
        return dir.resolve("ca.pem");
    }

    /**
     * A PKCS#12 key store holding a key and a certificate for {@code dnsName} signed by the CA.
     *
     * @param startDate keytool's -startdate ("-10d" with validity 1 makes an expired one), or null for now
     */
    Path leaf(String name, String dnsName, String startDate, int validityDays) throws IOException, InterruptedException {
        run(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + dnsName, "-validity", "30", "-keystore", store(name), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        String csr = dir.resolve(name + ".csr").toString();
        String crt = dir.resolve(name + ".crt").toString();
        run(keytool, "-certreq", "-alias", name, "-keystore", store(name), "-storepass", PASSWORD, "-file", csr);
        List<String> sign = new ArrayList<>(List.of(keytool, "-gencert", "-rfc", "-alias", "ca", "-keystore",
                store("ca"), "-storepass", PASSWORD, "-infile", csr, "-outfile", crt, "-ext", "SAN=dns:" + dnsName,
                "-validity", String.valueOf(validityDays)));
        if (startDate != null) {
            sign.addAll(List.of("-startdate", startDate));
        }
        run(sign.toArray(new String[0]));
        run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem().toString(), "-keystore", store(name),
                "-storepass", PASSWORD);
        run(keytool, "-importcert", "-alias", name, "-file", crt, "-keystore", store(name), "-storepass", PASSWORD);
        return Path.of(store(name));
    }

    private String store(String name) {
        return dir.resolve(name + ".p12").toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command[0]));
        line.addAll(SHORT_LIVED_JVM);
        line.addAll(List.of(command).subList(1, command.length));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + String.join(" ", command) + "\n" + output);
        }
    }
}
