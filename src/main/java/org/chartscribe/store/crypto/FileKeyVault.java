package org.chartscribe.store.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * several instances on one PostgreSQL use {@code JdbcKeyVault} instead. Thread-safe.
 */
public final class FileKeyVault implements KeyVault, AutoCloseable {

    public static final String FILE_NAME = "note-keys.vault";
    static final int SLOT_BYTES = 128;
    private static final byte[] MAGIC = "CSVAULT1".getBytes(StandardCharsets.US_ASCII);
    private static final int CREATED = 1;
    private static final int KEY_ID_LENGTH = 9;
    private static final int KEY_ID = 10;
    private static final int MAX_KEY_ID = 32;
    private static final int IV = 42;
    private static final int IV_BYTES = 12;
    private static final int WRAPPED = 54;
    private static final int WRAPPED_BYTES = KeyRing.KEY_BYTES + 16;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final ContentCipher master;
    private final SecureRandom random = new SecureRandom();
    private final TreeSet<Long> free = new TreeSet<>();
    private long slotCount;

    private final Clock clock;

    private FileKeyVault(Path file, FileChannel channel, FileLock lock, ContentCipher master, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.master = master;
        this.clock = clock;
    }

    /** Opens (or creates, owner-only) the vault file; fails if another process has it open. */
    public static FileKeyVault open(Path file, ContentCipher master, Clock clock) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean created = Files.notExists(file);
            channel = created
                    ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                            StandardOpenOption.WRITE), ownerOnly(file))
                    : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new KeyConfigException("data key vault " + file + " is in use by another process; "
                        + "several instances need a shared database vault (PostgreSQL)");
            }
            FileKeyVault vault = new FileKeyVault(file, channel, lock, master, clock);
            if (created || channel.size() == 0) {
                vault.writeHeader();
            }
            vault.load();
            return vault;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new KeyConfigException("cannot open data key vault " + file + ": " + e.getClass().getSimpleName(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public synchronized DataKey create(String owner) {
        long slot = free.isEmpty() ? slotCount : free.first();
        byte[] raw = new byte[KeyRing.KEY_BYTES];
        random.nextBytes(raw);
        Sealed wrapped = master.encrypt(raw, associatedData(slot, owner));
        byte[] keyId = wrapped.keyId().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer record = ByteBuffer.allocate(SLOT_BYTES);
        record.put(0, (byte) 1)
                .putLong(CREATED, clock.instant().getEpochSecond())
                .put(KEY_ID_LENGTH, (byte) keyId.length)
                .put(KEY_ID, keyId)
                .put(IV, wrapped.iv())
                .put(WRAPPED, wrapped.ciphertext());
        write(slot, record, "store");
        if (slot == slotCount) {
            slotCount++;
        } else {
            free.remove(slot);
        }
        return new DataKey(slot, new SecretKeySpec(raw, "AES"));
    }

    @Override
    public Optional<DataKey> open(long slot, String owner) {
        if (slot < 1) {
            return Optional.empty();
        }
        ByteBuffer record = read(slot);
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
    public synchronized void destroy(long slot) {
        if (slot < 1 || slot >= slotCount || free.contains(slot)) {
            return;
        }
        write(slot, ByteBuffer.allocate(SLOT_BYTES), "destroy");
        free.add(slot);
    }

    @Override
    public Set<Long> slotsCreatedBefore(Instant cutoff) {
        long count;
        synchronized (this) {
            count = slotCount;
        }
        Set<Long> old = new HashSet<>();
        for (long slot = 1; slot < count; slot++) {
            ByteBuffer record = read(slot);
            if (record != null && record.get(0) == 1 && record.getLong(CREATED) < cutoff.getEpochSecond()) {
                old.add(slot);
            }
        }
        return old;
    }

    /** Slots ever allocated (in use or free), for tests and metrics. */
    synchronized long capacity() {
        return slotCount - 1;
    }

    @Override
    public synchronized void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it anyway
        }
        closeQuietly(channel);
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(SLOT_BYTES).put(MAGIC).putInt(SLOT_BYTES).flip();
        channel.write(header.position(0).limit(SLOT_BYTES), 0);
        channel.force(true);
    }

    private void load() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(SLOT_BYTES);
        channel.read(header, 0);
        if (!Arrays.equals(Arrays.copyOf(header.array(), MAGIC.length), MAGIC) || header.getInt(MAGIC.length) != SLOT_BYTES) {
            throw new KeyConfigException(file + " is not a ChartScribe data key vault");
        }
        // A torn append (crash mid-write) leaves a partial last slot: it held no acknowledged key, drop it.
        slotCount = Math.max(1, channel.size() / SLOT_BYTES);
        for (long slot = 1; slot < slotCount; slot++) {
            ByteBuffer record = read(slot);
            if (record == null || record.get(0) != 1) {
                free.add(slot);
            }
        }
    }

    private ByteBuffer read(long slot) {
        ByteBuffer record = ByteBuffer.allocate(SLOT_BYTES);
        try {
            long position = slot * SLOT_BYTES;
            while (record.hasRemaining()) {
                if (channel.read(record, position + record.position()) < 0) {
                    return null;
                }
            }
            return record;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read data key vault: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Writes a whole slot where it lies and forces it to the device before returning. */
    private void write(long slot, ByteBuffer record, String what) {
        try {
            record.position(0).limit(SLOT_BYTES);
            long position = slot * SLOT_BYTES;
            while (record.hasRemaining()) {
                channel.write(record, position + record.position());
            }
            // Metadata too when the file grew, so the new length survives a power cut.
            channel.force(slot >= slotCount);
        } catch (IOException e) {
            throw new IllegalStateException("cannot " + what + " a data key: " + e.getClass().getSimpleName(), e);
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

    private static FileAttribute<?>[] ownerOnly(Path file) {
        boolean posix = file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException openInThisJvm) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
