package org.chartscribe.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;

/**
 * {@code eval --dump DIR}: one file per row with the dialogue, the reference, the generated note and its
 * sections, so that a reviewer can read a note beside what was said and see where each part was placed.
 * The files hold the input's clinical text: the directory (when created here) and the files are
 * owner-only on POSIX file systems, and nothing of them goes to stdout.
 */
final class EvalDump {

    /** The directory cannot be used; the message names the path only. */
    static final class UnusableDirectoryException extends Exception {
        UnusableDirectoryException(String message) {
            super(message);
        }
    }

    /** Writing a dump file failed; the message names the file only. */
    static final class WriteFailedException extends RuntimeException {
        WriteFailedException(Path file, IOException cause) {
            super("cannot write " + file + " (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;
    private final Set<String> names = new HashSet<>();

    private EvalDump(Path dir) {
        this.dir = dir;
    }

    /** Creates {@code dir} if missing; refuses a path that is a file. */
    static EvalDump open(Path dir) throws UnusableDirectoryException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UnusableDirectoryException("--dump " + dir + " is a file, not a directory");
        }
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir, ownerOnly("rwx------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new UnusableDirectoryException("cannot create the --dump directory " + dir + ": " + e.getClass().getSimpleName());
        }
        if (!Files.isWritable(dir)) {
            throw new UnusableDirectoryException("the --dump directory " + dir + " is not writable");
        }
        return new EvalDump(dir);
    }

    /** Writes {@code DIR/<id>.txt} (the id made safe as a file name; a repeated name gets "-2", "-3", ...). */
    Path write(EvalDataset.Row row, DraftNote note) {
        return write(row, note, null);
    }

    /**
     * As {@link #write(EvalDataset.Row, DraftNote)}, with a {@code === CODES} section when {@code codes} is not
     * null: the suggested ICD-10-CM codes in order and the labelled ones, so that a coder change is reviewed and
     * compared per encounter.
     */
    Path write(EvalDataset.Row row, DraftNote note, String codes) {
        Path file = dir.resolve(fileName(row.id()) + ".txt");
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, ownerOnly("rw-------"));
            }
            String text = codes == null ? text(row, note) : text(row, note) + "\n=== CODES\n" + codes + "\n";
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new WriteFailedException(file, e);
        }
    }

    static String text(EvalDataset.Row row, DraftNote note) {
        StringBuilder out = new StringBuilder();
        out.append("=== DIALOGUE\n").append(row.dialogue().strip()).append("\n\n");
        out.append("=== REFERENCE\n").append(row.referenceNote().strip()).append("\n\n");
        out.append("=== GENERATED\n").append(EvalCommand.fullNote(note).strip()).append("\n\n");
        out.append("=== SECTIONS\n");
        for (SoapPart part : SoapPart.values()) {
            List<NoteSection> sections = note.sections(part);
            for (NoteSection section : sections) {
                String heading = section.heading() == null || section.heading().isBlank() ? "(no heading)" : section.heading();
                out.append('[').append(part.name()).append("] ").append(heading).append(": ").append(section.text().strip())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** A row id as a file name: letters, digits, '.', '_' and '-' only, never a path or a hidden file. */
    String fileName(String id) {
        String base = id.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
        if (base.isEmpty()) {
            base = "row";
        }
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
