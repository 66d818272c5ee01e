package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a plan sentence that lists several actions ("We will get an x-ray, start ibuprofen and refer
 * her to physical therapy") into one plan item per action, as a plan is written. A split happens
 * only where a new action verb starts after a comma or "and"; each item keeps the sentence's
 * opening ("We will") so it reads on its own. Only the sentence's own words are used.
 */
final class PlanList {

    private static final String ACTIONS = "(?:get|order|obtain|check|start|restart|begin|continue|increase|decrease|"
            + "reduce|stop|discontinue|hold|switch|change|add|taper|refer|send|schedule|arrange|repeat|recheck|"
            + "prescribe|give|recommend|follow up|see|have|avoid|use|apply|take|keep|return|call|draw|do|monitor|"
            + "consider|place|put|try)";

    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i)(?:,\\s*(?:and\\s+|then\\s+|also\\s+)?|\\s+and\\s+(?:then\\s+|also\\s+)?)(?=" + ACTIONS + "\\b)");

    private static final Pattern OPENING = Pattern.compile("(?i)^(?:we will|we'll|i will|i'll|we are going to|"
            + "we're going to|i'm going to|recommend)\\s+(?=" + ACTIONS + "\\b)");

    private static final int MIN_WORDS = 2;

    private PlanList() {}

    static List<String> split(String sentence) {
        String body = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        Matcher opening = OPENING.matcher(body);
        String prefix = opening.find() ? opening.group() : "";
        List<String> parts = new ArrayList<>();
        Matcher m = BOUNDARY.matcher(body);
        int start = 0;
        while (m.find()) {
            if (words(body.substring(start, m.start())) >= MIN_WORDS + (start == 0 ? prefix.split("\\s+").length : 0)
                    && words(body.substring(m.end())) >= MIN_WORDS) {
                parts.add(body.substring(start, m.start()));
                start = m.end();
            }
        }
        if (parts.isEmpty()) {
            return prefix.isEmpty() ? nominalList(sentence, body) : List.of(sentence);
        }
        parts.add(body.substring(start));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i).trim();
            if (i > 0) {
                part = prefix.isEmpty() ? capitalise(part) : capitalise(prefix) + part;
            }
            out.addAll(prefix.isEmpty() ? nominalList(part + ".", part) : List.of(part + "."));
        }
        return out;
    }

    /** A dictated list of plan entries: "ibuprofen 400 mg with food, physical therapy referral, follow-up in 4 weeks". */
    private static final Pattern COMMA = Pattern.compile(",\\s*(?:and\\s+)?");
    /** Words that continue the previous entry rather than start a new one ("..., twice daily", "..., if needed"). */
    private static final Pattern CONTINUES = Pattern.compile("(?i)^(?:a|an|the|with|without|for|to|in|at|on|of|by|as|if|"
            + "until|unless|and|or|but|then|so|because|when|while|after|before|up|which|that|once|twice|daily|nightly|"
            + "weekly|monthly|every|each|per|prn|bid|tid|qid|qd|qhs|as needed|maybe|possibly|likely|also|even|not|no)\\b");
    private static final Pattern ACTION_START = Pattern.compile("(?i)^" + ACTIONS + "\\b");
    /** What makes an entry a plan item of its own after an action ("start lisinopril, BMP in 2 weeks"). */
    private static final Pattern OWN_ITEM = Pattern.compile("(?i)\\b(?:referral|follow[- ]?up|return|recheck|"
            + "in \\d+ (?:days?|weeks?|months?)|labs?|x-?ray|mri|ct|ultrasound|imaging|bmp|cmp|cbc|a1c|lipid panel|"
            + "therapy|counsel(?:ing|ed)|education|diet|exercise)\\b");

    private static List<String> nominalList(String sentence, String body) {
        String[] pieces = COMMA.split(body);
        if (pieces.length < 2) {
            return List.of(sentence);
        }
        boolean actionFirst = ACTION_START.matcher(pieces[0].trim()).find();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i].trim();
            boolean entry = words(piece) >= MIN_WORDS && Character.isLetter(piece.charAt(0))
                    && !CONTINUES.matcher(piece).find() && (i == 0 || !actionFirst || OWN_ITEM.matcher(piece).find());
            if (!entry) {
                return List.of(sentence);
            }
            out.add(capitalise(piece) + ".");
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static int words(String s) {
        String t = s.trim();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
