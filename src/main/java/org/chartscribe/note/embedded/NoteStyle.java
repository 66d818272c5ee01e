package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.SmallTalk;

/**
 * Light rewriting of spoken sentences into note style: fillers and repeated words go, ACI-Bench's
 * spaced punctuation is fixed, a patient's first person becomes "Patient ...". Every rule only
 * deletes words or swaps pronouns and auxiliaries, so no number, drug, dose or side can appear that
 * the speaker did not say.
 */
final class NoteStyle {

    private record Rewrite(Pattern pattern, String replacement) {}

    private static final List<Rewrite> SPOKEN_FORMS = List.of(
            rw("\\s+([,.;:?!])", "$1"),
            rw("\\s+(n't|'s|'re|'ve|'ll|'d|'m)\\b", "$1"),
            rw("(?i)\\bwan na\\b", "want to"),
            rw("(?i)\\bgon na\\b", "going to"),
            rw("(?i)\\bgot ta\\b", "got to"),
            rw("(?i)(?<![\\w'])'cause\\b", "because"),
            rw("\\.{2,}|\u2026", " "),
            rw("(?i)\\bhey,? dragon,?\\s*", ""),
            rw("(?i)(?<=^|[,;]\\s)(?:like|so|and|but|okay|ok),\\s", ""),
            rw("\\s*-\\s*$", ""),
            rw("(?<=^|\\s)[A-Za-z]{1,4}-\\s+", ""),
            rw(",\\s*(?:okay|ok|all right|alright|right|yeah|you know|correct)\\s*[?.!]*\\s*$", "."),
            rw("(?i)^(?:okay|ok|all right|alright|right)\\s*[?.!]*\\s*$", ""));

    /** "i , i", "my , my", "the the": a speaker restarting a word. */
    private static final Pattern REPEATED = Pattern.compile("(?i)\\b([a-z']+)(?:\\s*,\\s*|\\s+)\\1\\b");

    /** A patient's sentence opening in the first person, with its note-style replacement. */
    private static final List<Rewrite> PATIENT_OPENERS = List.of(
            rw("(?i)^(?:i'm|i am)\\b", "Patient is"),
            rw("(?i)^(?:i've|i have)\\b", "Patient has"),
            rw("(?i)^i was\\b", "Patient was"),
            rw("(?i)^i(?: do not| don't)\\b", "Patient does not"),
            rw("(?i)^i(?: did not| didn't)\\b", "Patient did not"),
            rw("(?i)^i(?: cannot| can't| can not)\\b", "Patient cannot"),
            rw("(?i)^i(?: have not| haven't)\\b", "Patient has not"),
            rw("(?i)^i (feel|take|get|think|need|want|wake|notice|use|work|live|sleep|eat|drink|smoke|walk)\\b",
                    "Patient $1s"),
            rw("(?i)^i (\\w+ed|had|went|took|got|felt|saw|fell|ran|hit|woke|ate|stopped|began|came|did|could|would|can|will|should)\\b",
                    "Patient $1"),
            rw("(?i)^my\\b", "Patient's"),
            rw("(?i)^i\\b", "Patient reports they"));

    private static final List<Rewrite> PATIENT_PRONOUNS = List.of(
            rw("(?i)\\bi'm\\b", "they are"), rw("(?i)\\bi am\\b", "they are"), rw("(?i)\\bi was\\b", "they were"),
            rw("(?i)\\bi've\\b", "they have"), rw("(?i)\\bi'd\\b", "they would"), rw("(?i)\\bi'll\\b", "they will"),
            rw("(?i)\\bi\\b", "they"), rw("(?i)\\bmy\\b", "their"), rw("(?i)\\bmyself\\b", "themselves"),
            rw("(?i)\\bme\\b", "them"), rw("(?i)\\bmine\\b", "theirs"));

    private NoteStyle() {}

    private static Rewrite rw(String regex, String replacement) {
        return new Rewrite(Pattern.compile(regex), replacement);
    }

    /** Note-style text for a sentence of the given speaker; empty when nothing is left. */
    static String rewrite(String sentence, Role speaker) {
        String s = SmallTalk.withoutFillers(sentence);
        s = apply(s, SPOKEN_FORMS);
        s = collapseRepeats(s);
        s = SmallTalk.withoutOpeners(s).trim();
        s = s.replaceAll("^[,;:.\\-\\s]+", "").replaceAll("\\s{2,}", " ").trim();
        if (s.isEmpty()) {
            return "";
        }
        if (speaker == Role.PATIENT) {
            s = thirdPerson(s);
        }
        s = s.replaceAll("(?<![\\w'])i(?=[\\s,.;:!?']|$)", "I");
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        if (!s.matches("(?s).*[.!?]$")) {
            s = s + ".";
        }
        return s.replaceAll("[,;]\\.$", ".");
    }

    private static String thirdPerson(String s) {
        String opened = s;
        for (Rewrite r : PATIENT_OPENERS) {
            Matcher m = r.pattern().matcher(s);
            if (m.find()) {
                opened = m.replaceFirst(r.replacement());
                String rest = opened.substring(opened.indexOf(' ') + 1);
                String head = opened.substring(0, opened.indexOf(' ') + 1);
                return head + apply(rest, PATIENT_PRONOUNS);
            }
        }
        return apply(opened, PATIENT_PRONOUNS);
    }

    private static String collapseRepeats(String s) {
        String previous;
        do {
            previous = s;
            s = REPEATED.matcher(s).replaceAll("$1");
        } while (!s.equals(previous));
        return s;
    }

    private static String apply(String s, List<Rewrite> rewrites) {
        for (Rewrite r : rewrites) {
            s = r.pattern().matcher(s).replaceAll(r.replacement());
        }
        return s;
    }

    /** Lower-cases a leading word for use after a prefix, keeping acronyms and "I" intact. */
    static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))
                && !s.startsWith("I ")) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s.toLowerCase(Locale.ROOT).equals(s) ? s : s;
    }
}
