package org.chartscribe.smart;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ChartScribe's own signing key for {@code private_key_jwt} and backend services, and the public half
 * it publishes at {@code /.well-known/jwks.json}. Read from a PEM file (PKCS#8 {@code PRIVATE KEY};
 * an EC key also needs its {@code PUBLIC KEY} block in the same file, since the JDK cannot derive it),
 * or in local mode generated once into the data dir (owner-only permissions where the file system has
 * them). The {@code kid} is the RFC 7638 thumbprint. No key material is ever logged or put in a message.
 */
public final class ClientKeys {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final Optional<JWK> key;
    private final JWSAlgorithm algorithm;

    private ClientKeys(Optional<JWK> key, JWSAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    /** RS384 or ES384 only: any other name is a configuration error, never silently another algorithm. */
    public static JWSAlgorithm algorithm(String name) {
        String n = name == null ? "" : name.trim();
        if (n.equals("RS384")) {
            return JWSAlgorithm.RS384;
        }
        if (n.equals("ES384")) {
            return JWSAlgorithm.ES384;
        }
        throw new IllegalStateException("chartscribe.smart.signing-alg must be RS384 or ES384 (was '" + n + "')");
    }

    /**
     * @param pemFile   the configured key, if any
     * @param generated where a local-mode key is kept
     * @param localMode whether a missing key may be generated
     * @param required  whether a key is needed now (private_key_jwt configured)
     * @throws IllegalStateException with what to configure, when a required key is missing or unreadable
     */
    public static ClientKeys load(String alg, Path pemFile, Path generated, boolean localMode, boolean required) {
        JWSAlgorithm algorithm = algorithm(alg);
        if (pemFile != null) {
            return new ClientKeys(Optional.of(fromPem(pemFile, algorithm)), algorithm);
        }
        if (localMode) {
            return new ClientKeys(Optional.of(generatedKey(generated, algorithm)), algorithm);
        }
        if (required) {
            throw new IllegalStateException("chartscribe.smart.client-auth is private_key_jwt but no signing key is "
                    + "configured: set CHARTSCRIBE_SMART_SIGNING_KEY to a PEM file with the " + algorithm
                    + " private key (keys are generated only in local mode)");
        }
        return new ClientKeys(Optional.empty(), algorithm);
    }

    /** For tests and callers that hold a key already. */
    public static ClientKeys of(JWK key, JWSAlgorithm algorithm) {
        return new ClientKeys(Optional.of(key), algorithm);
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    /** The private signing key, or a clear error naming the setting when there is none. */
    public JWK signingKey() {
        return key.orElseThrow(() -> new IllegalStateException(
                "no SMART signing key: set CHARTSCRIBE_SMART_SIGNING_KEY (server mode does not generate one)"));
    }

    /** Public keys only: what {@code /.well-known/jwks.json} serves. */
    public JWKSet publicJwks() {
        return new JWKSet(key.map(JWK::toPublicJWK).map(List::of).orElse(List.of()));
    }

    private static JWK fromPem(Path file, JWSAlgorithm algorithm) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SMART signing key file " + file
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return parsePem(text, algorithm);
        } catch (GeneralSecurityException | IllegalArgumentException | JOSEException e) {
            throw new IllegalStateException("the SMART signing key file " + file + " does not hold a PKCS#8 "
                    + (algorithm == JWSAlgorithm.ES384 ? "P-384 EC private key and its PUBLIC KEY block"
                    : "RSA private key") + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static JWK parsePem(String text, JWSAlgorithm algorithm) throws GeneralSecurityException, JOSEException {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> throw new IllegalArgumentException("unsupported PEM block");
            }
        }
        if (privateDer == null) {
            throw new IllegalArgumentException("no PRIVATE KEY block");
        }
        if (algorithm == JWSAlgorithm.RS384) {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            return rsaJwk(new KeyPair(pub, priv));
        }
        if (publicDer == null) {
            throw new IllegalArgumentException("no PUBLIC KEY block");
        }
        KeyFactory ec = KeyFactory.getInstance("EC");
        PrivateKey priv = ec.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
        PublicKey pub = ec.generatePublic(new X509EncodedKeySpec(publicDer));
        return ecJwk(new KeyPair(pub, priv));
    }

    private static JWK generatedKey(Path file, JWSAlgorithm algorithm) {
        try {
            if (Files.exists(file)) {
                return parsePem(Files.readString(file, StandardCharsets.US_ASCII), algorithm);
            }
            KeyPair pair = generate(algorithm);
            Files.createDirectories(file.toAbsolutePath().getParent());
            writeOwnerOnly(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return algorithm == JWSAlgorithm.RS384 ? rsaJwk(pair) : ecJwk(pair);
        } catch (IOException | GeneralSecurityException | JOSEException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load or create the local SMART signing key " + file
                    + " for " + algorithm + " (" + e.getClass().getSimpleName()
                    + "; delete it to generate a new one, or set CHARTSCRIBE_SMART_SIGNING_KEY)");
        }
    }

    public static KeyPair generate(JWSAlgorithm algorithm) throws GeneralSecurityException {
        if (algorithm == JWSAlgorithm.RS384) {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(3072);
            return rsa.generateKeyPair();
        }
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        return ec.generateKeyPair();
    }

    static RSAKey rsaJwk(KeyPair pair) throws JOSEException {
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS384).keyIDFromThumbprint().build();
    }

    static ECKey ecJwk(KeyPair pair) throws JOSEException {
        return new ECKey.Builder(Curve.P_384, (ECPublicKey) pair.getPublic()).privateKey((ECPrivateKey) pair.getPrivate())
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES384).keyIDFromThumbprint().build();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the data dir's own permissions apply
        }
    }
}
