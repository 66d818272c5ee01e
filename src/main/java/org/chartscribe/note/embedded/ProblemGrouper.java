package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.SoapPart;

/**
 * Groups assessment and plan sentences by the problem they address, for the problem-oriented
 * template. A problem starts where the clinician names one ("for your first problem, your back
 * pain", "from a depression standpoint", "consistent with ...", a dictated "Assessment: x, ...");
 * following sentences belong to it until the next one is named. Labels are the clinician's words.
 */
final class ProblemGrouper {

    /** A problem and its sentences; {@code label} is null for sentences said before any problem was named. */
    record Problem(String label, List<Classified> items) {
        List<Classified> items(SoapPart part) {
            return items.stream().filter(i -> i.part() == part).toList();
        }
    }

    private static final String NAME = "([a-z][a-z'\\- ]{2,40}?)";
    private static final String END = "(?=[,.;:!?]| and i | i | we | which | that | but |$)";

    private static final List<Pattern> MARKERS = List.of(
            Pattern.compile("(?:first|second|third|fourth|fifth|next|last|other|new) (?:problem|issue),? "
                    + "(?:is |of )?(?:your |the |his |her |their )?" + NAME + END),
            Pattern.compile("from an? " + NAME + " standpoint"),
            Pattern.compile("(?:in terms of|regarding|as for|with regards? to|with respect to) (?:your |the |his |her "
                    + "|their )" + NAME + END),
            Pattern.compile("^(?:assessment|impression|diagnosis)(?: is)?:? " + NAME + END),
            // a dictated assessment line: "Hypertension, well controlled ..."
            Pattern.compile("^" + NAME + "(?=, (?:well|poorly|not |stable|improv|worsen|controlled|uncontrolled|likely"
                    + "|unchanged|resolv|new|chronic|acute))"),
            Pattern.compile("(?:consistent with|diagnosis of|diagnosed with|i think (?:this is|it's|it is|you have)) "
                    + "(?:an? |the |some )?" + NAME + END));

    private static final int MAX_LABEL_WORDS = 5;

    private ProblemGrouper() {}

    static List<Problem> group(List<Classified> items) {
        List<Problem> problems = new ArrayList<>();
        Problem current = new Problem(null, new ArrayList<>());
        problems.add(current);
        for (Classified item : items) {
            Optional<String> label = label(item.text());
            if (label.isPresent() && (current.label() == null || !current.label().equalsIgnoreCase(label.get()))) {
                Optional<Problem> existing = problems.stream()
                        .filter(p -> p.label() != null && p.label().equalsIgnoreCase(label.get())).findFirst();
                current = existing.orElseGet(() -> {
                    Problem p = new Problem(label.get(), new ArrayList<>());
                    problems.add(p);
                    return p;
                });
            }
            current.items().add(item);
        }
        return problems;
    }

    static Optional<String> label(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Pattern marker : MARKERS) {
            Matcher m = marker.matcher(lower);
            if (m.find()) {
                String name = m.group(1).trim();
                if (!name.isEmpty() && name.split("\\s+").length <= MAX_LABEL_WORDS) {
                    return Optional.of(Character.toUpperCase(name.charAt(0)) + name.substring(1));
                }
            }
        }
        return Optional.empty();
    }
}
