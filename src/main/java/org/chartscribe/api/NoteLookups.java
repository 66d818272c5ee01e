package org.chartscribe.api;

import java.util.regex.Pattern;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.StoredNote;

/** How every HTTP caller (the REST API, the clinician app) names a note and answers for a missing one. */
public final class NoteLookups {
    private static final Pattern NOTE_ID = Pattern.compile("note_[0-9A-Za-z]{26}");

    private NoteLookups() {}

    /** Only the shape ChartScribe hands out; anything else is unknown without a database look-up. */
    public static boolean isNoteId(String noteId) {
        return noteId != null && NOTE_ID.matcher(noteId).matches();
    }

    /** The note, or the 404/410 problem a client gets for it (410 once its content was destroyed). */
    public static StoredNote found(NoteLookup lookup) {
        if (lookup instanceof NoteLookup.Found found) {
            return found.note();
        }
        if (lookup instanceof NoteLookup.Gone) {
            throw new ApiException(ProblemCode.GONE, "This note was deleted or has expired; its content no longer exists.");
        }
        throw new ApiException(ProblemCode.NOT_FOUND, "No such note.");
    }
}
