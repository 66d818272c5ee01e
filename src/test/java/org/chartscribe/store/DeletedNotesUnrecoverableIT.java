package org.chartscribe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chartscribe.store.crypto.ContentCipher;
import org.chartscribe.store.crypto.DataKey;
import org.chartscribe.store.crypto.FileKeyVault;
import org.chartscribe.store.crypto.KeyRing;
import org.chartscribe.store.crypto.KeyRingLoader;
import org.chartscribe.store.crypto.Sealed;
import org.chartscribe.store.crypto.VaultForensics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletion is real (issue 10 item 3): the real application in a child JVM on the embedded default.
 * One note expires (the test moves its expiry into the past rather than wait 30 days) and the purge
 * job destroys it, one is deleted with {@code DELETE}, one stays. The server is then
 * killed with SIGKILL, so no compaction runs, and the data directory is examined the way a thief
 * with a copy of it (master key included) would: the deleted and expired notes' plaintext, data keys
 * and wrapped keys appear in no file, and their ciphertext (captured while they were live, as if
 * recovered from old database pages) decrypts neither with the master key nor with any key left in
 * the vault. The live note reads back after a restart, and after a clean stop (H2 compacted) the
 * dead notes' ciphertext is gone from the files too.
 *
 * <p>While the child runs, the test reads its rows through H2's auto-server mode; the child is
 * otherwise the production configuration.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DeletedNotesUnrecoverableIT {

    private static final int PIECE = 16;

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A note as the attacker would find it: its row's ciphertext and its key's slot record, captured while live. */
    private record Evidence(String noteId, List<String> plaintext, Sealed sealed, long slot, byte[] slotRecord, byte[] dataKey) {
        String owner() {
            return "notes/" + noteId + "/crash-tenant";
        }
    }

    @Test
    void afterDeleteAndPurgeNothingInTheDataDirectoryRecoversTheContentEvenWithTheMasterKey() throws Exception {
        Path dataDir = tmp.resolve("data");
        Path log = tmp.resolve("child.log");
        String autoServerUrl = "jdbc:h2:file:" + dataDir.resolve("chartscribe") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";

        // 1. Three notes; one deleted, one expired (its expiry moved into the past, as time would) and purged.
        Evidence expired;
        Evidence deleted;
        Evidence live;
        ContentCipher master;
        try (ChildProcessApp app = ChildProcessApp.start(dataDir, log, "--chartscribe.purge-interval=1s",
                "--spring.datasource.url=" + autoServerUrl)) {
            master = master(dataDir);
            expired = capture(app, autoServerUrl, dataDir, master, create(app, "Her cough began after the zebrafinch aviary visit."));
            deleted = capture(app, autoServerUrl, dataDir, master, create(app, "He keeps racing pigeons named Quillfeather at home."));
            live = capture(app, autoServerUrl, dataDir, master, create(app, "She tends an orchard of Marrowbloom pears on weekends."));

            assertThat(send(app, "DELETE", deleted.noteId()).statusCode()).isEqualTo(204);
            assertThat(send(app, "GET", deleted.noteId()).statusCode()).isEqualTo(410);
            expireNow(autoServerUrl, expired.noteId());
            awaitPurged(autoServerUrl, expired.noteId());
            assertThat(send(app, "GET", expired.noteId()).statusCode()).isEqualTo(410);
            assertThat(send(app, "GET", live.noteId()).statusCode()).isEqualTo(200);
            app.kill(); // no clean stop: nothing may depend on compaction
        }

        // 2. The thief's view of the data directory.
        Map<Path, byte[]> files = filesIn(dataDir);
        assertThat(files.keySet()).extracting(p -> p.getFileName().toString())
                .contains("chartscribe.mv.db", FileKeyVault.FILE_NAME, KeyRingLoader.KEY_FILE_NAME);
        for (Evidence note : List.of(expired, deleted, live)) {
            for (String line : note.plaintext()) {
                assertThat(filesContaining(files, line.getBytes(StandardCharsets.UTF_8))).as("plaintext of %s", note.noteId()).isEmpty();
            }
        }
        Map<Long, byte[]> slotsLeft = VaultForensics.nonZeroSlots(dataDir.resolve(FileKeyVault.FILE_NAME));
        for (Evidence dead : List.of(expired, deleted)) {
            assertThat(filesContaining(files, dead.dataKey())).as("data key of %s", dead.noteId()).isEmpty();
            assertThat(filesContaining(files, VaultForensics.wrappedPart(dead.slotRecord()))).as("wrapped key of %s", dead.noteId()).isEmpty();
            assertThat(slotsLeft).as("slot of %s", dead.noteId()).doesNotContainKey(dead.slot());
        }
        List<DataKey> recoverable = new ArrayList<>();
        for (Map.Entry<Long, byte[]> slot : slotsLeft.entrySet()) {
            for (Evidence note : List.of(expired, deleted, live)) {
                VaultForensics.tryUnwrap(slot.getKey(), slot.getValue(), note.owner(), master).ifPresent(recoverable::add);
            }
        }
        assertThat(recoverable).as("keys left in the vault").extracting(DataKey::slot).containsExactly(live.slot());
        for (Evidence dead : List.of(expired, deleted)) {
            for (String keyId : keyIds(dataDir)) {
                Sealed underMaster = new Sealed(keyId, dead.sealed().iv(), dead.sealed().ciphertext());
                assertThatThrownBy(() -> master.decrypt(underMaster, dead.owner()))
                        .as("%s with the master key", dead.noteId()).isInstanceOf(ContentCipher.DecryptionException.class);
            }
            for (DataKey key : recoverable) {
                assertThatThrownBy(() -> ContentCipher.decrypt(key, dead.sealed(), dead.owner()))
                        .as("%s with a key left in the vault", dead.noteId()).isInstanceOf(ContentCipher.DecryptionException.class);
            }
        }
        // The same attack works on the live note, so the checks above can fail.
        assertThat(ContentCipher.decrypt(recoverable.get(0), live.sealed(), live.owner())).isNotEmpty();
        int deletedPiecesBeforeCompaction = piecesFound(files, deleted.sealed().ciphertext());

        // 3. Restart: the live note reads; a clean stop compacts the dead ciphertext out of the file.
        try (ChildProcessApp app = ChildProcessApp.start(dataDir, log)) {
            HttpResponse<String> read = send(app, "GET", live.noteId());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(plaintextLines(json.readTree(read.body()))).isEqualTo(live.plaintext());
            assertThat(send(app, "GET", deleted.noteId()).statusCode()).isEqualTo(410);
            assertThat(send(app, "GET", expired.noteId()).statusCode()).isEqualTo(410);
            app.stop();
        }
        Map<Path, byte[]> compacted = filesIn(dataDir);
        assertThat(piecesFound(compacted, live.sealed().ciphertext())).as("live ciphertext, found by this scan").isPositive();
        for (Evidence dead : List.of(expired, deleted)) {
            assertThat(piecesFound(compacted, dead.sealed().ciphertext())).as("ciphertext of %s after compaction", dead.noteId()).isZero();
        }
        System.out.println("[shred] 16-byte pieces of the deleted note's ciphertext in the data directory after kill -9: "
                + deletedPiecesBeforeCompaction + " of " + deleted.sealed().ciphertext().length / PIECE
                + "; after a clean stop (compacted): 0; live note's: " + piecesFound(compacted, live.sealed().ciphertext()));
    }

    private JsonNode create(ChildProcessApp app, String canary) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("transcript", transcript() + "\nPatient: " + canary + "\n",
                "specialty", "nurse_practitioner"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/v1/note"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + ChildProcessApp.KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("create").isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(ChildProcessApp app, String method, String noteId) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(app.uri("/v1/note/" + noteId))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + ChildProcessApp.KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Evidence capture(ChildProcessApp app, String url, Path dataDir, ContentCipher master, JsonNode created) throws Exception {
        String noteId = created.get("noteId").asText();
        List<String> plaintext = plaintextLines(created);
        assertThat(plaintext).as("note text to look for").isNotEmpty();
        Sealed sealed;
        long slot;
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = db.prepareStatement("SELECT key_id, iv, ciphertext, key_slot FROM notes WHERE note_id = ?")) {
            select.setString(1, noteId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                sealed = new Sealed(rs.getString("key_id"), rs.getBytes("iv"), rs.getBytes("ciphertext"));
                slot = rs.getLong("key_slot");
            }
        }
        byte[] record = VaultForensics.nonZeroSlots(dataDir.resolve(FileKeyVault.FILE_NAME)).get(slot);
        assertThat(record).as("slot record of a live note").isNotNull();
        Evidence evidence = new Evidence(noteId, plaintext, sealed, slot, record, null);
        DataKey key = VaultForensics.tryUnwrap(slot, record, evidence.owner(), master).orElseThrow();
        assertThat(ContentCipher.decrypt(key, sealed, evidence.owner())).as("the capture is right").isNotEmpty();
        return new Evidence(noteId, plaintext, sealed, slot, record, key.key().getEncoded());
    }

    /** Moves the note's expiry into the past: what 30 days of waiting would do. */
    private static void expireNow(String url, String noteId) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             PreparedStatement update = db.prepareStatement(
                     "UPDATE notes SET expires_at = DATEADD(SECOND, -1, CURRENT_TIMESTAMP) WHERE note_id = ?")) {
            update.setString(1, noteId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void awaitPurged(String url, String noteId) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = DriverManager.getConnection(url, "sa", "");
                 PreparedStatement select = db.prepareStatement("SELECT key_slot, ciphertext FROM notes WHERE note_id = ?")) {
                select.setString(1, noteId);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    rs.getLong("key_slot");
                    if (rs.wasNull() && rs.getBytes("ciphertext") == null) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the purge job did not destroy the expired note within 15 s");
    }

    /** The note's clinical text, line by line (lines of at least 16 characters: distinctive enough to search for). */
    private static List<String> plaintextLines(JsonNode note) {
        List<String> lines = new ArrayList<>();
        for (String part : List.of("subjective", "objective", "assessment", "plan")) {
            JsonNode text = note.get(part);
            if (text != null && text.isTextual()) {
                Arrays.stream(text.asText().split("\n")).map(String::strip).filter(l -> l.length() >= 16).forEach(lines::add);
            }
        }
        return lines;
    }

    private static ContentCipher master(Path dataDir) {
        return new ContentCipher(KeyRingLoader.load(null, dataDir, false));
    }

    private static List<String> keyIds(Path dataDir) {
        KeyRing ring = KeyRingLoader.load(null, dataDir, false);
        return List.copyOf(ring.keyIds());
    }

    private static Map<Path, byte[]> filesIn(Path dir) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        }
        return files;
    }

    /**
     * How many of the value's consecutive 16-byte pieces occur in some file. Pieces rather than the
     * whole value because H2 compresses pages when it compacts, which splits long byte runs; a random
     * 16-byte piece never occurs by chance.
     */
    private static int piecesFound(Map<Path, byte[]> files, byte[] value) {
        int found = 0;
        for (int from = 0; from + PIECE <= value.length; from += PIECE) {
            found += filesContaining(files, Arrays.copyOfRange(value, from, from + PIECE)).isEmpty() ? 0 : 1;
        }
        return found;
    }

    private static List<Path> filesContaining(Map<Path, byte[]> files, byte[] needle) {
        return files.entrySet().stream().filter(f -> indexOf(f.getValue(), needle) >= 0).map(Map.Entry::getKey).toList();
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

    private static String transcript() throws IOException {
        try (InputStream in = DeletedNotesUnrecoverableIT.class.getResourceAsStream("/fixtures/asthma-follow-up.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
