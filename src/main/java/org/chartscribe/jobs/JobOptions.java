package org.chartscribe.jobs;

import org.chartscribe.audio.AudioNoteOptions;
import org.chartscribe.note.EngineChoice;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;

/** A job's note fields as stored: ids and a flag, {@code specialty|template|billing|engine}; no PHI. */
final class JobOptions {
    private JobOptions() {}

    static String write(AudioNoteOptions options) {
        return options.specialty().id() + "|" + options.template().id() + "|" + options.includeBillingCodes()
                + "|" + options.engine().id();
    }

    static AudioNoteOptions read(String stored) {
        String[] parts = stored.split("\\|", -1);
        if (parts.length != 4) {
            throw new IllegalStateException("stored job options are malformed");
        }
        return new AudioNoteOptions(
                Specialties.byId(parts[0]).orElseThrow(() -> new IllegalStateException("unknown stored specialty")),
                Template.fromId(parts[1]).orElseThrow(() -> new IllegalStateException("unknown stored template")),
                Boolean.parseBoolean(parts[2]),
                EngineChoice.fromId(parts[3]).orElseThrow(() -> new IllegalStateException("unknown stored engine")));
    }
}
