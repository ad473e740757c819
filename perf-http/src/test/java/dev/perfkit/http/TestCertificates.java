package dev.perfkit.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A private certificate authority and a server certificate for 127.0.0.1 and localhost, made at test time. */
final class TestCertificates {

    static final HeldCertificate ROOT = new HeldCertificate.Builder().certificateAuthority(0).commonName("perfkit test CA").build();
    static final HeldCertificate SERVER = new HeldCertificate.Builder().commonName("localhost")
            .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").signedBy(ROOT).build();
    /** A second authority that nobody trusts. */
    static final HeldCertificate STRANGER = new HeldCertificate.Builder().certificateAuthority(0).commonName("unknown CA").build();
    static final HeldCertificate STRANGE_SERVER = new HeldCertificate.Builder().commonName("localhost")
            .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").signedBy(STRANGER).build();

    private TestCertificates() {
    }

    /** The server side of TLS with the trusted server certificate. */
    static SSLContext serverContext() {
        return new HandshakeCertificates.Builder().heldCertificate(SERVER, ROOT.certificate()).build().sslContext();
    }

    /** The server side of TLS with a certificate from the unknown authority. */
    static SSLContext strangerContext() {
        return new HandshakeCertificates.Builder().heldCertificate(STRANGE_SERVER, STRANGER.certificate()).build().sslContext();
    }

    /** A key store holding the test authority, for {@link HttpConfig.Builder#trustStore(KeyStore)}. */
    static KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("perfkit-test-ca", ROOT.certificate());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the test authority as PEM. */
    static Path rootPem(Path dir) throws IOException {
        return Files.writeString(dir.resolve("ca.pem"), ROOT.certificatePem());
    }

    /** Writes the trust store as a PKCS#12 file with a password. */
    static Path trustStoreFile(Path dir, char[] password) throws IOException, GeneralSecurityException {
        Path file = dir.resolve("trust.p12");
        try (var out = Files.newOutputStream(file)) {
            trustStore().store(out, password);
        }
        return file;
    }
}
