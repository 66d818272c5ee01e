package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;

/**
 * The line clinicians close a plan with, "The patient understands and agrees with the recommended treatment
 * plan.", charted only when the patient (or the family member answering for them) said yes to the plan and the
 * last word they had on it was not an objection. The evidence is the reply that agreed.
 */
final class PatientAgreement {

    /** A reply that accepts what was proposed, said as the whole reply or to open it. */
    private static final Pattern ASSENT = Pattern.compile("^(?:(?:um|uh|oh|well|yeah|yes|okay|ok|alright|all right)"
            + "[\\s,.!]*)*(?:okay|ok|sounds (?:good|great|like a (?:good )?plan)|that sounds (?:good|great|fine|"
            + "reasonable|like a (?:good )?plan)|alright|all right|sure|yes|yeah|i agree|that's fine|that works|"
            + "great|perfect|will do|i will|i can do that|i understand|makes sense|that makes sense)\\b[^?]*$");
    /** Words that make a reply more than a plain yes ("okay, but I'd rather not"). */
    private static final Pattern OBJECTION = Pattern.compile("\\b(?:no|not|n't|rather not|don't want|do n't want|"
            + "worried|scared|afraid|can't afford|ca n't afford|instead|but)\\b");
    /** A last word that pushes back on the plan: the agreement is not charted. */
    private static final Pattern PUSHBACK = Pattern.compile("\\b(?:rather not|(?:don't|do n't) want|(?:can't|ca n't) "
            + "afford|(?:i'm|i am) not (?:sure|comfortable|okay)|(?:don't|do n't) think (?:so|i (?:can|will|want))|"
            + "not going to (?:do|take)|won't|wo n't)\\b");
    private static final String LINE = "The patient understands and agrees with the recommended treatment plan.";
    private static final String FAMILY_LINE = "The family understands and agrees with the recommended treatment plan.";

    private PatientAgreement() {}

    /** The agreement line for a plan discussed from {@code region} on, or empty when it was not agreed to. */
    static Optional<Classified> of(EncounterFacts facts, int region) {
        Sentence agreed = null;
        Sentence lastReply = null;
        for (Sentence s : facts.sentences()) {
            if (s.start() < region || s.speaker() != Role.PATIENT && s.speaker() != Role.OTHER) {
                continue;
            }
            String reply = s.text().toLowerCase(Locale.ROOT).strip();
            if (reply.endsWith("?")) {
                continue; // a question about the plan neither agrees nor objects
            }
            lastReply = s;
            if (ASSENT.matcher(reply).find() && !OBJECTION.matcher(reply).find()) {
                agreed = s;
            }
        }
        if (agreed == null || lastReply != agreed && objects(lastReply)) {
            return Optional.empty();
        }
        String line = agreed.speaker() == Role.OTHER ? FAMILY_LINE : LINE;
        String lookup = Cues.lookup(line);
        return Optional.of(new Classified(SoapPart.PLAN, line, List.of(new Evidence(agreed.start(), agreed.end())),
                agreed.speaker(), Integer.MAX_VALUE, lookup, null, 0));
    }

    private static boolean objects(Sentence reply) {
        return PUSHBACK.matcher(reply.text().toLowerCase(Locale.ROOT)).find();
    }
}
