package org.chartscribe.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys in one file of fixed-size slots, overwritten in place. The database cannot destroy a key:
 * H2's MVStore is copy-on-write and PostgreSQL keeps dead tuples and WAL, so a deleted row lingers. A
 * slot here is zeroed where it lies and the file is forced to disk before {@link #destroy} returns,
 * so the key is gone from the data directory (limits: SSD wear levelling, file-system snapshots and
 * backups, see docs/RELIABILITY.md). {@link #create} also forces, so a key is on disk before the note
 * that needs it is committed.
 *
 * <p>Layout: slot 0 is a header (magic, slot size); slot {@code n >= 1} starts at {@code n * 128}:
 * {@code [0]} 1 = in use, {@code [1..8]} created (epoch seconds), {@code [9]} master key id length,
 * {@code [10..41]} master key id, {@code [42..53]} GCM nonce, {@code [54..101]} the wrapped key and
 * tag; a free slot is all zeros. Freed slots are reused lowest first, so the file grows only with the
 * number of live notes. One process only (an exclusive file lock), like the embedded H2 it serves;
 * several instances on one PostgreSQL use {@code JdbcKeyVault} instead ({@link SlotFile} shares the
 * file within one JVM). Thread-safe.
 */
public final class FileKeyVault implements KeyVault, AutoCloseable {

    public static final String FILE_NAME = "note-keys.vault";
    static final int SLOT_BYTES = SlotFile.SLOT_BYTES;
    private static final int CREATED = 1;
    private static final int KEY_ID_LENGTH = 9;
    private static final int KEY_ID = 10;
    private static final int MAX_KEY_ID = 32;
    private static final int IV = 42;
    private static final int IV_BYTES = 12;
    private static final int WRAPPED = 54;
    private static final int WRAPPED_BYTES = KeyRing.KEY_BYTES + 16;

    private final SlotFile slots;
    private final ContentCipher master;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private boolean closed;

    private FileKeyVault(SlotFile slots, ContentCipher master, Clock clock) {
        this.slots = slots;
        this.master = master;
        this.clock = clock;
    }

    /** Opens (or creates, owner-only) the vault file; fails if another process has it open. */
    public static FileKeyVault open(Path file, ContentCipher master, Clock clock) {
        return new FileKeyVault(SlotFile.acquire(file), master, clock);
    }

    @Override
    public DataKey create(String owner) {
        byte[] raw = new byte[KeyRing.KEY_BYTES];
        random.nextBytes(raw);
        long slot = slots.allocate(candidate -> {
            // Wrapped for the slot it is written to: the associated data names the slot.
            Sealed wrapped = master.encrypt(raw, associatedData(candidate, owner));
            byte[] keyId = wrapped.keyId().getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(SLOT_BYTES)
                    .put(0, (byte) 1)
                    .putLong(CREATED, clock.instant().getEpochSecond())
                    .put(KEY_ID_LENGTH, (byte) keyId.length)
                    .put(KEY_ID, keyId)
                    .put(IV, wrapped.iv())
                    .put(WRAPPED, wrapped.ciphertext());
        });
        return new DataKey(slot, new SecretKeySpec(raw, "AES"));
    }

    @Override
    public Optional<DataKey> open(long slot, String owner) {
        if (slot < 1) {
            return Optional.empty();
        }
        ByteBuffer record = slots.read(slot);
        if (record == null || record.get(0) != 1) {
            return Optional.empty();
        }
        int keyIdLength = record.get(KEY_ID_LENGTH);
        if (keyIdLength < 1 || keyIdLength > MAX_KEY_ID) {
            return Optional.empty();
        }
        Sealed wrapped = new Sealed(
                new String(slice(record, KEY_ID, keyIdLength), StandardCharsets.US_ASCII),
                slice(record, IV, IV_BYTES), slice(record, WRAPPED, WRAPPED_BYTES));
        if (!master.knowsKey(wrapped.keyId())) {
            throw new ContentCipher.DecryptionException("data key is wrapped with master key id '" + wrapped.keyId()
                    + "', which is not configured");
        }
        try {
            return Optional.of(new DataKey(slot, new SecretKeySpec(master.decrypt(wrapped, associatedData(slot, owner)), "AES")));
        } catch (ContentCipher.DecryptionException reusedOrForeign) {
            // The slot was reused for another owner after this one's key was destroyed.
            return Optional.empty();
        }
    }

    @Override
    public void destroy(long slot) {
        slots.zero(slot);
    }

    @Override
    public Set<Long> slotsCreatedBefore(Instant cutoff) {
        long count = slots.slotCount();
        Set<Long> old = new HashSet<>();
        for (long slot = 1; slot < count; slot++) {
            ByteBuffer record = slots.read(slot);
            if (record != null && record.get(0) == 1 && record.getLong(CREATED) < cutoff.getEpochSecond()) {
                old.add(slot);
            }
        }
        return old;
    }

    /** Slots ever allocated (in use or free), for tests. */
    long capacity() {
        return slots.slotCount() - 1;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            slots.release();
        }
    }

    /** Binds a wrapped key to its slot and owner: copied elsewhere it does not unwrap. */
    static String associatedData(long slot, String owner) {
        return "data-keys/" + slot + "/" + owner;
    }

    private static byte[] slice(ByteBuffer buffer, int offset, int length) {
        byte[] out = new byte[length];
        buffer.get(offset, out);
        return out;
    }
}
