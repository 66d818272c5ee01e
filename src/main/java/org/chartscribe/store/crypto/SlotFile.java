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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * A file of fixed-size records written in place and forced to the device, with a free list. Slot 0
 * is a header (magic, slot size); the file grows in blocks of zeroed slots, and a zeroed slot is free. One process at a time (an exclusive file lock); within a process it
 * is shared by reference count, the way H2 shares an embedded database between connections, so two
 * application contexts on one data directory (tests do this) use one instance. Thread-safe.
 */
final class SlotFile {

    static final int SLOT_BYTES = 128;
    /** Slots added when the file grows: 8 KiB, two pages. */
    static final int GROWTH_SLOTS = 64;
    private static final byte[] MAGIC = "CSVAULT1".getBytes(StandardCharsets.US_ASCII);
    private static final Map<Path, SlotFile> OPEN = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final TreeSet<Long> free = new TreeSet<>();
    private long slotCount;
    private int references;

    private SlotFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static SlotFile acquire(Path path) {
        Path file = path.toAbsolutePath().normalize();
        synchronized (OPEN) {
            SlotFile open = OPEN.get(file);
            if (open == null) {
                open = openExclusively(file);
                OPEN.put(file, open);
            }
            open.references++;
            return open;
        }
    }

    void release() {
        synchronized (OPEN) {
            if (--references > 0) {
                return;
            }
            OPEN.remove(file);
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } catch (IOException ignored) {
                // closing the channel releases it anyway
            }
            closeQuietly(channel);
        }
    }

    private static SlotFile openExclusively(Path file) {
        FileChannel channel = null;
        try {
            if (Files.notExists(file.getParent())) {
                // Owner-only from the start (the embedded default has made it so already; this is for PostgreSQL + file).
                Files.createDirectories(file.getParent(), ownerOnlyDirectory(file.getParent()));
            }
            boolean created = Files.notExists(file);
            channel = created
                    ? FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                            StandardOpenOption.WRITE), ownerOnly(file))
                    : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new KeyConfigException("data key vault " + file + " is in use by another process; "
                        + "several instances need the shared database vault (PostgreSQL)");
            }
            SlotFile slots = new SlotFile(file, channel, lock);
            if (channel.size() == 0) {
                slots.writeHeader();
            }
            slots.load();
            return slots;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new KeyConfigException("cannot open data key vault " + file + ": " + e.getClass().getSimpleName(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Writes {@code record} into the lowest free slot and forces it to the device before returning the
     * slot. The force runs outside the lock, so concurrent callers share one device flush instead of
     * queueing for one each (a flush covers every write before it).
     */
    long allocate(LongFunction<ByteBuffer> record) {
        long slot;
        synchronized (this) {
            if (free.isEmpty()) {
                grow();
            }
            slot = free.pollFirst();
            write(slot, record.apply(slot));
        }
        // Data only: the slot lies inside the file's durable length (grow forced that), so no metadata
        // needs to reach the device and the file system can skip its journal commit.
        force(false);
        return slot;
    }

    /**
     * Extends the file by {@link #GROWTH_SLOTS} zeroed (free) slots and forces the new length to the
     * device. Growing a block at a time, rather than a slot per key, keeps most key writes to a
     * data-only flush; the zeros are written, not left as a hole, so the blocks are allocated now.
     */
    private void grow() {
        long first = slotCount;
        ByteBuffer zeros = ByteBuffer.allocate(GROWTH_SLOTS * SLOT_BYTES);
        try {
            long position = first * SLOT_BYTES;
            while (zeros.hasRemaining()) {
                channel.write(zeros, position + zeros.position());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot grow data key vault: " + e.getClass().getSimpleName(), e);
        }
        force(true);
        slotCount += GROWTH_SLOTS;
        for (long slot = first; slot < slotCount; slot++) {
            free.add(slot);
        }
    }

    /** Overwrites the slot with zeros where it lies and forces that to the device. Idempotent. */
    void zero(long slot) {
        synchronized (this) {
            if (slot < 1 || slot >= slotCount || free.contains(slot)) {
                return;
            }
            write(slot, ByteBuffer.allocate(SLOT_BYTES));
            // Reusable at once: a new key written here only overwrites the zeros, and our force covers both.
            free.add(slot);
        }
        force(false);
    }

    synchronized long slotCount() {
        return slotCount;
    }

    /** The slot's bytes, or null past the end. Positional read: safe alongside writes to other slots. */
    ByteBuffer read(long slot) {
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

    private void write(long slot, ByteBuffer record) {
        try {
            record.position(0).limit(SLOT_BYTES);
            long position = slot * SLOT_BYTES;
            while (record.hasRemaining()) {
                channel.write(record, position + record.position());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write data key vault: " + e.getClass().getSimpleName(), e);
        }
    }

    private void force(boolean metadata) {
        try {
            channel.force(metadata);
        } catch (IOException e) {
            throw new IllegalStateException("cannot flush data key vault: " + e.getClass().getSimpleName(), e);
        }
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(SLOT_BYTES).put(MAGIC).putInt(SLOT_BYTES);
        header.position(0).limit(SLOT_BYTES);
        channel.write(header, 0);
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

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        boolean posix = file.getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] ownerOnlyDirectory(Path dir) {
        Path existing = dir;
        while (existing != null && Files.notExists(existing)) {
            existing = existing.getParent();
        }
        boolean posix = existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
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
