package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an assessment into statements and says where each sits: a problem heading ("2. Hypertension."),
 * the reason for the visit ("... who presents with back pain"), the past history list, or reasoning
 * text. Where a statement sits decides how much it counts: a coder codes the problems the clinician
 * addressed, with the reason for the visit first, not every word of the reasoning.
 */
final class AssessmentStatements {

    enum Place { HEADING, REASON, BODY, HISTORY }

    /**
     * A statement, its offset in the assessment, and the index of the problem block it belongs to;
     * {@code label} marks a problem label written on the same line as its text ("Knee sprain: ..."),
     * which summarises that text rather than stating a diagnosis of its own; {@code asked} is what the
     * question it answers was about ("pain" for "Where's your pain?" - "My left knee."), read with its words.
     */
    record Statement(String text, int offset, Place place, int block, boolean label, String asked) {
        Statement(String text, int offset, Place place, int block) {
            this(text, offset, place, block, false, "");
        }

        Statement(String text, int offset, Place place, int block, boolean label) {
            this(text, offset, place, block, label, "");
        }
    }

    private static final Pattern LIST_MARK = Pattern.compile("^\\s*(?:[-\u2022*]+|\\d{1,2}[.)]|[a-z][.)])\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'])");
    private static final Pattern REASON = Pattern.compile(
            "\\b(?:presents?|presenting|is here|here today|comes? in|is seen|returns?|for evaluation of|complains? of|"
                    + "with complaints? of|who is here)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HISTORY = Pattern.compile(
            "\\b(?:past medical history|medical history|history significant|significant for|pmh|history of)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION_WORDS = Pattern.compile(
            "^(?:assessment|plan|assessment and plan|impression|instructions|patient agreements?|medical reasoning|"
                    + "additional testing|medical treatment|patient education and counseling)\\b.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern CLAUSE_WORDS = Pattern.compile(
            "\\b(?:is|was|are|were|has|have|had|will|would|should|ordered|continue|noted|reviewed|discussed|placed|"
                    + "he|she|we|i|they|his|her|patient)\\b", Pattern.CASE_INSENSITIVE);

    private AssessmentStatements() {}

    static List<Statement> split(String assessment) {
        List<Statement> out = new ArrayList<>();
        int block = 0;
        int lineStart = 0;
        boolean afterPlainHeading = false;
        for (String line : assessment.split("\n", -1)) {
            int offset = lineStart;
            lineStart += line.length() + 1;
            Matcher mark = LIST_MARK.matcher(line);
            int bodyStart = mark.lookingAt() ? mark.end() : 0;
            String content = line.substring(bodyStart).strip();
            if (content.isEmpty()) {
                continue;
            }
            int contentOffset = offset + line.indexOf(content, bodyStart);
            boolean bullet = bodyStart > 0 && !line.substring(0, bodyStart).strip().matches("\\d{1,2}[.)]");
            Matcher labelled = LABELLED.matcher(content);
            boolean labelledLine = !(bullet && afterPlainHeading) && labelled.lookingAt() && isProblemLabel(labelled.group(1));
            // A bullet right under a plain heading is that problem's detail, not a new problem.
            boolean heading = !labelledLine && (bullet ? !afterPlainHeading && isBulletHeading(content) : isHeading(content));
            afterPlainHeading = heading ? !bullet : afterPlainHeading && bullet;
            if (heading) {
                block++;
                out.add(new Statement(content, contentOffset, Place.HEADING, block));
                continue;
            }
            if (labelledLine) {
                // The problem-oriented layout: "Right ankle pain: what was said about it." names the
                // problem, then gives its reasoning; a history label ("History of ...:") stays history.
                block++;
                String label = labelled.group(1);
                out.add(new Statement(label, contentOffset,
                        HISTORY.matcher(label).find() ? Place.HISTORY : Place.HEADING, block, true));
                content = content.substring(labelled.end());
                contentOffset += labelled.end();
                afterPlainHeading = false;
            }
            for (String[] sentence : sentences(content)) {
                int at = contentOffset + Integer.parseInt(sentence[1]);
                addSentence(out, sentence[0], at, block);
            }
        }
        return out;
    }

    /** "Problem label: text", the label at most eight words before the first colon. */
    private static final Pattern LABELLED = Pattern.compile("([^:.?!]{2,80}):\\s+(?=\\S)");

    /** The part before a colon names a problem: short, no reasoning, not a section label ("Plan:"). */
    private static boolean isProblemLabel(String label) {
        return !SECTION_WORDS.matcher(label).matches() && isBulletHeading(label);
    }

    /** A short line naming a problem, not a sentence of reasoning or a section label. */
    private static boolean isHeading(String content) {
        // "Assessment:" alone labels the section; "Assessment: hypertension." names a problem.
        boolean sectionLabel = SECTION_WORDS.matcher(content).matches()
                && !content.toLowerCase(Locale.ROOT).matches("assessment:\\s*\\S.*");
        if (sectionLabel) {
            return false;
        }
        String trimmed = content.replaceAll("[.:]+$", "");
        int words = trimmed.split("\\s+").length;
        return words <= 12 && !trimmed.contains(". ") && !trimmed.endsWith("?")
                && !REASON.matcher(trimmed).find() && !CLAUSE_WORDS.matcher(trimmed).find();
    }

    /** A sentence that is only a problem's name ("elevated liver enzymes."), as dictated. */
    static boolean namesAProblem(String sentence) {
        String content = sentence.strip();
        return !content.isEmpty() && !SECTION_WORDS.matcher(content).matches() && isBulletHeading(content);
    }

    /** "• Pap smear." names a problem; "- Ordered echocardiogram." or "• Medical Reasoning: ..." do not. */
    private static boolean isBulletHeading(String content) {
        String trimmed = content.replaceAll("[.:]+$", "");
        return isHeading(content) && trimmed.split("\\s+").length <= 8;
    }

    private static List<String[]> sentences(String content) {
        List<String[]> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(content);
        int start = 0;
        while (m.find()) {
            out.add(new String[] {content.substring(start, m.start()), Integer.toString(start)});
            start = m.end();
        }
        out.add(new String[] {content.substring(start), Integer.toString(start)});
        return out;
    }

    /** "X is a 50-year-old with a history of A and B who presents with C": A, B are history, C the reason. */
    private static void addSentence(List<Statement> out, String sentence, int at, int block) {
        Matcher reason = REASON.matcher(sentence);
        boolean history = HISTORY.matcher(sentence).find();
        if (reason.find()) {
            if (reason.start() > 0) {
                out.add(new Statement(sentence.substring(0, reason.start()), at, history ? Place.HISTORY : Place.BODY, block));
            }
            out.add(new Statement(sentence.substring(reason.start()), at + reason.start(), Place.REASON, block));
        } else {
            out.add(new Statement(sentence, at, history ? Place.HISTORY : Place.BODY, block));
        }
    }
}
