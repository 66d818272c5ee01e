package org.chartscribe.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Working files of a recording: removed as soon as they are used. */
public final class TempFiles {
    private TempFiles() {}

    /** Deletes the file if it is there; one that cannot be deleted now goes at exit or at the next start-up sweep. */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the name says nothing about the recording, and the start-up sweep removes it
            file.toFile().deleteOnExit();
        }
    }
}
