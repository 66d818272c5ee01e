package org.chartscribe.store.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads a vault file the way an attacker holding a copy of the data directory and the master key
 * would: straight from the bytes (no lock, no free list), trying to unwrap whatever is there. Reads
 * the documented slot layout on its own rather than through {@link FileKeyVault}.
 */
public final class VaultForensics {

    private VaultForensics() {}

    /** Every non-zero slot record by slot number. */
    public static Map<Long, byte[]> nonZeroSlots(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Map<Long, byte[]> slots = new LinkedHashMap<>();
        for (long slot = 1; (slot + 1) * FileKeyVault.SLOT_BYTES <= all.length; slot++) {
            int from = (int) slot * FileKeyVault.SLOT_BYTES;
            byte[] record = Arrays.copyOfRange(all, from, from + FileKeyVault.SLOT_BYTES);
            if (!Arrays.equals(record, new byte[FileKeyVault.SLOT_BYTES])) {
                slots.put(slot, record);
            }
        }
        return slots;
    }

    /** The data key in {@code record} if it unwraps for {@code owner} in any slot position. */
    public static Optional<DataKey> tryUnwrap(long slot, byte[] record, String owner, ContentCipher master) {
        int keyIdLength = record[9];
        if (keyIdLength < 1 || keyIdLength > 32) {
            return Optional.empty();
        }
        Sealed wrapped = new Sealed(new String(record, 10, keyIdLength, StandardCharsets.US_ASCII),
                Arrays.copyOfRange(record, 42, 54), Arrays.copyOfRange(record, 54, 102));
        try {
            byte[] raw = master.decrypt(wrapped, FileKeyVault.associatedData(slot, owner));
            return Optional.of(new DataKey(slot, new SecretKeySpec(raw, "AES")));
        } catch (ContentCipher.DecryptionException notThisOwner) {
            return Optional.empty();
        }
    }

    /** The part of a slot record that identifies its key on disk: nonce and wrapped key with tag. */
    public static byte[] wrappedPart(byte[] record) {
        return Arrays.copyOfRange(record, 42, 102);
    }
}
