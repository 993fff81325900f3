package houston.probes.http;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test certificate authority and leaf certificates signed by it, made in this JVM for one test run
 * (BouncyCastle builds the certificates; the JDK's own providers make the keys and sign). Leaves are
 * signed rather than self-signed because the JDK does not check the validity dates of a trust anchor
 * itself: an expired certificate is only refused as a leaf.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final X500Name CA_NAME = new X500Name("CN=Houston Test CA");

    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

    /** Creates the CA in {@code dir}, valid for 30 days from now. */
    TestCertificates(Path dir) throws Exception {
        this.dir = dir;
        caKeys = ecKeys();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = builder(CA_NAME, now, Duration.ofDays(30), CA_NAME, caKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = signed(builder);
        try (Writer out = Files.newBufferedWriter(caPem()); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(ca);
        }
    }

    /** The CA certificate as PEM: the only thing a probe needs to trust. */
    Path caPem() {
        return dir.resolve("ca.pem");
    }

    /**
     * A PKCS#12 key store holding a key and a certificate for {@code dnsName} signed by the CA.
     *
     * @param startedAgo how long before now the certificate became valid (10 days with a validity of 1 day
     *                   makes an expired one)
     */
    Path leaf(String name, String dnsName, Duration startedAgo, Duration validity) throws Exception {
        KeyPair keys = ecKeys();
        X509v3CertificateBuilder builder = builder(CA_NAME, Instant.now().minus(startedAgo), validity,
                new X500Name("CN=" + dnsName), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        X509Certificate certificate = signed(builder);

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(name, keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
        Path file = dir.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private X509v3CertificateBuilder builder(X500Name issuer, Instant from, Duration validity, X500Name subject,
                                             PublicKey key) {
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serials.incrementAndGet()), Date.from(from),
                Date.from(from.plus(validity)), subject, key);
    }

    private X509Certificate signed(X509v3CertificateBuilder builder) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(caKeys.getPrivate())));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
