package org.chartscribe.store.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the key ring comes from: the configured value ({@code CHARTSCRIBE_ENCRYPTION_KEY}), else the
 * key file in the data directory, else (local mode only) a key generated into that file. Several
 * server instances must share one key, so server mode never generates one silently.
 *
 * <p>Syntax (value and file alike): {@code base64} of 32 bytes, or {@code kid:base64,kid2:base64}
 * with the first entry active. A key given without an id gets an id derived from the key, so
 * replacing it by a different key is detected as an unknown key id rather than as tampering.
 */
public final class KeyRingLoader {

    public static final String KEY_FILE_NAME = "encryption.key";
    static final String ENV_NAME = "CHARTSCRIBE_ENCRYPTION_KEY";

    private KeyRingLoader() {}

    public static KeyRing load(String configuredValue, Path dataDir, boolean mayGenerate) {
        if (configuredValue != null && !configuredValue.isBlank()) {
            return parse(configuredValue, ENV_NAME);
        }
        Path file = dataDir.resolve(KEY_FILE_NAME);
        if (Files.exists(file)) {
            return readFile(file);
        }
        if (!mayGenerate) {
            throw new KeyConfigException(ENV_NAME + " is not set and " + file + " does not exist; "
                    + "server mode needs a key shared by all instances (base64 of 32 random bytes)");
        }
        return generate(file);
    }

    /** Parses the key syntax; {@code source} names where it came from in error messages. */
    public static KeyRing parse(String value, String source) {
        String[] entries = value.trim().split(",");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String where = source + " entry " + (i + 1);
            int colon = entry.indexOf(':');
            if (colon < 0 && entries.length > 1) {
                throw new KeyConfigException(where + " has no key id; with several keys write kid:base64,kid2:base64");
            }
            byte[] raw = decode(colon < 0 ? entry : entry.substring(colon + 1).trim(), where);
            String keyId = colon < 0 ? derivedKeyId(raw) : entry.substring(0, colon).trim();
            try {
                KeyRing.requireValidKeyId(keyId);
            } catch (KeyConfigException e) {
                throw new KeyConfigException(where + ": " + e.getMessage());
            }
            if (raw.length != KeyRing.KEY_BYTES) {
                throw new KeyConfigException(where + " (key id '" + keyId + "') must decode to "
                        + KeyRing.KEY_BYTES + " bytes for AES-256 but decodes to " + raw.length + " bytes");
            }
            if (keys.put(keyId, raw) != null) {
                throw new KeyConfigException(where + " repeats key id '" + keyId + "'");
            }
        }
        return KeyRing.of(keys);
    }

    private static byte[] decode(String base64, String where) {
        if (base64.isEmpty()) {
            throw new KeyConfigException(where + " is empty");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException notUrlSafe) {
                // The decoder's message can quote input characters: do not chain it.
                throw new KeyConfigException(where + " is not valid base64");
            }
        }
    }

    private static KeyRing readFile(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), "encryption key file " + file);
        } catch (IOException e) {
            throw new KeyConfigException("cannot read encryption key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyRing generate(Path file) {
        byte[] raw = new byte[KeyRing.KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        String content = derivedKeyId(raw) + ":" + Base64.getEncoder().encodeToString(raw) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Created with owner-only permissions from the start, so there is no moment it is readable by others.
            Files.createFile(file, ownerOnly(file));
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
            return readFile(file);
        } catch (IOException e) {
            throw new KeyConfigException("cannot create encryption key file " + file + ": " + e.getMessage(), e);
        }
        return readFile(file);
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        boolean posix = file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** A short, stable id for a key given without one: a fingerprint that reveals nothing useful about the key. */
    static String derivedKeyId(byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("chartscribe-key-id:".getBytes(StandardCharsets.US_ASCII));
            return "k" + HexFormat.of().formatHex(sha.digest(raw), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
