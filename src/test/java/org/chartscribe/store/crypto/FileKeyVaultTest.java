package org.chartscribe.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data key vault file on a real file system: what is on disk after each operation. */
class FileKeyVaultTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ContentCipher master = new ContentCipher(KeyRing.of(Map.of("m1", filled(7))));
    private FileKeyVault vault;

    @AfterEach
    void close() {
        if (vault != null) {
            vault.close();
        }
    }

    private Path file() {
        return dir.resolve(FileKeyVault.FILE_NAME);
    }

    private FileKeyVault reopen() {
        if (vault != null) {
            vault.close();
        }
        vault = FileKeyVault.open(file(), master, CLOCK);
        return vault;
    }

    @Test
    void aKeyUnwrapsOnlyForItsOwnerAndSurvivesAReopen() {
        DataKey key = reopen().create("notes/a/acme");

        assertThat(vault.open(key.slot(), "notes/a/acme")).get().extracting(k -> k.key().getEncoded()).isEqualTo(key.key().getEncoded());
        assertThat(vault.open(key.slot(), "notes/b/acme")).as("another owner").isEmpty();
        assertThat(vault.open(key.slot() + 1, "notes/a/acme")).as("another slot").isEmpty();

        assertThat(reopen().open(key.slot(), "notes/a/acme")).get()
                .extracting(k -> k.key().getEncoded()).isEqualTo(key.key().getEncoded());
    }

    @Test
    void keysAreStoredWrappedNeverInTheClear() throws IOException {
        DataKey key = reopen().create("notes/a/acme");

        assertThat(contains(Files.readAllBytes(file()), key.key().getEncoded())).isFalse();
        FileKeyVault otherMaster = null;
        vault.close();
        try {
            otherMaster = FileKeyVault.open(file(), new ContentCipher(KeyRing.of(Map.of("m1", filled(8)))), CLOCK);
            assertThat(otherMaster.open(key.slot(), "notes/a/acme")).as("same key id, different master key").isEmpty();
        } finally {
            if (otherMaster != null) {
                otherMaster.close();
            }
        }
        vault = null;
    }

    @Test
    void destroyZeroesTheSlotOnDiskAndTheSlotIsReusedLowestFirst() throws IOException {
        reopen();
        DataKey a = vault.create("notes/a/t");
        DataKey b = vault.create("notes/b/t");
        DataKey c = vault.create("notes/c/t");
        byte[] slotBefore = slotBytes(b.slot());
        assertThat(slotBefore).isNotEqualTo(new byte[FileKeyVault.SLOT_BYTES]);
        long size = Files.size(file());

        vault.destroy(b.slot());
        vault.destroy(b.slot()); // idempotent

        byte[] onDisk = Files.readAllBytes(file());
        assertThat(slotBytes(b.slot())).isEqualTo(new byte[FileKeyVault.SLOT_BYTES]);
        assertThat(contains(onDisk, Arrays.copyOfRange(slotBefore, 42, 102))).as("nonce and wrapped key").isFalse();
        assertThat(vault.open(b.slot(), "notes/b/t")).isEmpty();
        assertThat(reopen().open(b.slot(), "notes/b/t")).as("after a restart").isEmpty();

        DataKey d = vault.create("notes/d/t");
        assertThat(d.slot()).isEqualTo(b.slot());
        assertThat(Files.size(file())).isEqualTo(size);
        assertThat(vault.open(b.slot(), "notes/b/t")).as("the old owner, in the reused slot").isEmpty();
        assertThat(vault.open(a.slot(), "notes/a/t")).isPresent();
        assertThat(vault.open(c.slot(), "notes/c/t")).isPresent();
        assertThat(vault.capacity()).as("no growth: the freed slot was enough").isEqualTo(SlotFile.GROWTH_SLOTS);
    }

    @Test
    void slotsCreatedBeforeACutoffAreListedForOrphanCleanUp() {
        reopen();
        long old = vault.create("notes/old/t").slot();
        vault.close();
        vault = FileKeyVault.open(file(), master, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        long young = vault.create("notes/young/t").slot();

        assertThat(vault.slotsCreatedBefore(NOW.plusSeconds(60))).containsExactly(old);
        assertThat(vault.slotsCreatedBefore(NOW.plusSeconds(7200))).containsExactlyInAnyOrder(old, young);
    }

    @Test
    void theFileGrowsABlockOfFreeSlotsAtATimeAndTheyOutliveARestart() throws IOException {
        long block = (long) SlotFile.GROWTH_SLOTS * FileKeyVault.SLOT_BYTES;
        DataKey first = reopen().create("notes/k0/t");
        assertThat(Files.size(file())).isEqualTo(FileKeyVault.SLOT_BYTES + block);

        DataKey last = first;
        for (int i = 1; i < SlotFile.GROWTH_SLOTS; i++) {
            last = vault.create("notes/k" + i + "/t");
        }
        assertThat(Files.size(file())).as("a block of keys fits the first growth").isEqualTo(FileKeyVault.SLOT_BYTES + block);
        assertThat(last.slot()).isEqualTo(SlotFile.GROWTH_SLOTS);

        DataKey next = vault.create("notes/next/t");
        assertThat(Files.size(file())).isEqualTo(FileKeyVault.SLOT_BYTES + 2 * block);
        assertThat(next.slot()).isEqualTo(SlotFile.GROWTH_SLOTS + 1);

        reopen();
        assertThat(vault.open(first.slot(), "notes/k0/t")).isPresent();
        assertThat(vault.open(next.slot(), "notes/next/t")).isPresent();
        assertThat(vault.create("notes/after-restart/t").slot()).as("the free zeroed slots were found again")
                .isEqualTo(next.slot() + 1);
    }

    @Test
    void aTornGrowthFromACrashIsDroppedAndAcknowledgedKeysStillOpen() throws IOException {
        DataKey acknowledged = reopen().create("notes/a/t");
        vault.close();
        vault = null;
        // The process died while growing the file: part of a slot at the end.
        Files.write(file(), new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND);

        reopen();
        assertThat(vault.open(acknowledged.slot(), "notes/a/t")).isPresent();
        DataKey next = vault.create("notes/b/t");
        assertThat(next.slot()).isEqualTo(acknowledged.slot() + 1);
        DataKey grown = next;
        while (Files.size(file()) % FileKeyVault.SLOT_BYTES != 0) {
            grown = vault.create("notes/c" + grown.slot() + "/t"); // fills the block, then grows over the torn tail
        }

        assertThat(reopen().open(acknowledged.slot(), "notes/a/t")).isPresent();
        assertThat(vault.open(next.slot(), "notes/b/t")).isPresent();
        assertThat(vault.open(grown.slot(), "notes/c" + (grown.slot() - 1) + "/t")).isPresent();
    }

    @Test
    void aVaultLockedByAnotherProcessIsRefused() throws IOException {
        Files.createDirectories(dir);
        try (FileChannel other = FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = other.lock()) {
            assertThatThrownBy(() -> FileKeyVault.open(file(), master, CLOCK))
                    .isInstanceOf(KeyConfigException.class).hasMessageContaining("in use by another process");
        }
    }

    @Test
    void twoOpensInOneProcessShareTheFileLikeTwoConnectionsShareH2() {
        DataKey key = reopen().create("notes/a/t");
        FileKeyVault second = FileKeyVault.open(file(), master, CLOCK);
        try {
            assertThat(second.open(key.slot(), "notes/a/t")).isPresent();
            DataKey other = second.create("notes/b/t");
            assertThat(other.slot()).isNotEqualTo(key.slot());
            second.destroy(key.slot());
            assertThat(vault.open(key.slot(), "notes/a/t")).isEmpty();
        } finally {
            second.close();
        }
        assertThat(vault.open(key.slot() + 1, "notes/b/t")).as("still open after the other handle closed").isPresent();
    }

    @Test
    void aFileThatIsNotAVaultIsRefused() throws IOException {
        Files.write(file(), new byte[256]);

        assertThatThrownBy(() -> FileKeyVault.open(file(), master, CLOCK))
                .isInstanceOf(KeyConfigException.class).hasMessageContaining("not a ChartScribe data key vault");
    }

    @Test
    void theVaultFileIsOwnerOnly() throws IOException {
        reopen();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void aKeyWrappedByAMasterKeyNoLongerConfiguredIsAnErrorNotAMissingKey() {
        DataKey key = reopen().create("notes/a/t");
        vault.close();

        vault = FileKeyVault.open(file(), new ContentCipher(KeyRing.of(Map.of("m2", filled(9)))), CLOCK);

        assertThatThrownBy(() -> vault.open(key.slot(), "notes/a/t"))
                .isInstanceOf(ContentCipher.DecryptionException.class).hasMessageContaining("m1");
    }

    private byte[] slotBytes(long slot) throws IOException {
        byte[] all = Files.readAllBytes(file());
        int from = (int) slot * FileKeyVault.SLOT_BYTES;
        return Arrays.copyOfRange(all, from, from + FileKeyVault.SLOT_BYTES);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
