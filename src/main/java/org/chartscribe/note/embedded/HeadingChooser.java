package org.chartscribe.note.embedded;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialty;
import org.chartscribe.transcript.Role;

/**
 * Picks the specialty heading for a classified sentence by scoring each heading of its division
 * with the cues of the heading's words ({@link HeadingCues}). A sentence that matches nothing goes
 * to the division's general heading.
 */
final class HeadingChooser {

    private static final Set<String> STOP_WORDS = Set.of("and", "of", "the", "to", "for", "a", "up", "with", "on");

    /** Words of headings that take what fits nowhere else, best first, for divisions without a cue-free heading. */
    private static final List<String> GENERAL_WORDS = List.of("intraoral", "secondary", "nursing", "observation",
            "observations", "exam", "examination", "mental", "posture", "palpation", "musculoskeletal", "speech", "report", "history");

    /** Headings that hold one opening sentence, such as "Chief Complaint". */
    private static final Set<String> OPENING_WORDS = Set.of("complaint", "reason", "presenting");

    private HeadingChooser() {}

    static String choose(Specialty specialty, SoapPart part, Classified item) {
        List<String> headings = specialty.headings(part);
        if (item.headingHint() != null) {
            for (String heading : headings) {
                if (words(heading).contains(item.headingHint())) {
                    return heading;
                }
            }
        }
        String best = null;
        double bestScore = 0;
        for (String heading : headings) {
            double score = 0;
            for (String word : words(heading)) {
                if (word.equals("family") && !HeadingCues.FAMILY_CONDITION.any(item.lookup())) {
                    continue; // "helped my brother move" is not family history: a relative needs a condition
                }
                Cues cues = HeadingCues.BY_WORD.get(word);
                if (cues != null) {
                    // a tie goes to the other heading: "hemoglobin ... for his weight" is a result, not a vital sign
                    score += cues.count(item.lookup()) * (word.equals("vital") ? 0.9 : 1.0);
                }
            }
            if (item.speaker() == Role.OTHER && (heading.contains("Owner") || heading.contains("Caregiver"))) {
                score += 3;
            }
            if (score > bestScore) {
                best = heading;
                bestScore = score;
            }
        }
        return best != null ? best : general(specialty, part);
    }

    /** The heading that takes sentences fitting no specific heading. */
    static String general(Specialty specialty, SoapPart part) {
        List<String> headings = specialty.headings(part);
        for (String heading : headings) {
            boolean cueFree = words(heading).stream().allMatch(w -> {
                Cues cues = HeadingCues.BY_WORD.get(w);
                return cues == null || cues.isEmpty();
            });
            if (cueFree) {
                return heading;
            }
        }
        for (String word : GENERAL_WORDS) {
            for (String heading : headings) {
                if (words(heading).contains(word)) {
                    return heading;
                }
            }
        }
        return headings.get(0);
    }

    static boolean isOpening(String heading) {
        return words(heading).stream().anyMatch(OPENING_WORDS::contains);
    }

    private static final java.util.Map<String, List<String>> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    static List<String> words(String heading) {
        return WORDS.computeIfAbsent(heading, HeadingChooser::split);
    }

    private static List<String> split(String heading) {
        return Arrays.stream(heading.toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .filter(w -> !w.isEmpty() && !STOP_WORDS.contains(w))
                .toList();
    }
}
