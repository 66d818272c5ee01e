package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the specificity a code needs from the note: laterality, trimester and the 7th character
 * (episode of care) for injuries; fills a synonym template and keeps only codes the loaded set bills.
 */
final class Specificity {

    enum Side { RIGHT, LEFT, BOTH, UNSPECIFIED }

    /** What the note says around a phrase. */
    record Context(Side side, int trimester, char episode) {}

    /** Codes for a template, and whether the note lacked detail the code set could have used. */
    record Resolved(List<String> codes, boolean lostDetail) {}

    private static final Pattern WEEKS = Pattern.compile(
            "\\b(\\d{1,2})(?:\\s*(?:and|\\+)\\s*\\d/7)?\\s*-?(?:weeks?|wks?)\\b(?:\\s*(?:pregnant|gestation|of gestation|of pregnancy|along|ga))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GESTATIONAL_AGE = Pattern.compile(
            "\\b(?:gestational age|ga)\\s*(?:of|is)?\\s*(\\d{1,2})", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIMESTER = Pattern.compile(
            "\\b(first|1st|second|2nd|third|3rd)\\s+trimester", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSEQUENT = Pattern.compile(
            "\\b(?:subsequent encounter|routine healing|healing (?:well|nicely)|cast (?:removal|off|check)|"
                    + "(?:follow[- ]?up|recheck|re-?check) (?:visit )?(?:of|for|on) (?:the |his |her |their |your )?(?:[a-z]+\\s+){0,3}"
                    + "(?:fracture|sprain|strain|injury|laceration|burn|contusion|wound)|"
                    + "(?:healing|healed) (?:[a-z]+\\s+){0,2}(?:fracture|sprain|strain|laceration|burn|wound)|"
                    + "(?:fracture|sprain|strain|laceration|burn|wound),? (?:is |which is |that is )?(?:healing|healed))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEQUELA = Pattern.compile("\\b(?:sequela|sequelae|late effect)", Pattern.CASE_INSENSITIVE);

    private final Icd10CodeSet codes;

    Specificity(Icd10CodeSet codes) {
        this.codes = codes;
    }

    /** Side from the nearest side word to the phrase in the statement, else from the problem block. */
    static Side side(List<ClinicalTokens.Token> tokens, int from, int to, String block) {
        Side best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < tokens.size(); i++) {
            Side s = sideWord(tokens, i);
            int distance = i < from ? from - i : i >= to ? i - to + 1 : 0;
            // A word before the phrase ("right knee pain") binds more closely than one after it.
            distance = i < from ? distance : distance + 1;
            if (s != null && distance < bestDistance) {
                best = s;
                bestDistance = distance;
            }
        }
        if (best != null) {
            return best;
        }
        List<ClinicalTokens.Token> blockTokens = ClinicalTokens.of(block);
        for (int i = 0; i < blockTokens.size(); i++) {
            Side s = sideWord(blockTokens, i);
            if (s != null) {
                return s;
            }
        }
        return Side.UNSPECIFIED;
    }

    /** Paired body parts: "both" is a side only before one of them ("both knees", not "both flexion and extension"). */
    /** Whether a word names a body part that comes in pairs ("knee", "ankle"). */
    static boolean paired(String norm) {
        return PAIRED.contains(norm) && !norm.equals("side") && !norm.equals("lower") && !norm.equals("upper")
                && !norm.equals("big") && !norm.equals("great");
    }

    private static final java.util.Set<String> PAIRED = java.util.Set.of("side", "knee", "leg", "lower", "upper", "arm",
            "hand", "feet", "foot", "shoulder", "hip", "ankle", "wrist", "elbow", "ear", "eye", "breast", "lung",
            "kidney", "extremitie", "extremity", "thumb", "big", "great", "heel", "calve", "calf", "thigh", "shin", "toe",
            "finger", "forearm", "buttock", "groin", "temple", "cheek", "ovarie", "ovary", "testicle");

    /** The side named by the word at {@code i}, or null. */
    static Side sideWord(List<ClinicalTokens.Token> tokens, int i) {
        String norm = tokens.get(i).norm();
        if (norm.equals("both")) {
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).norm() : "";
            String after = i + 2 < tokens.size() ? tokens.get(i + 2).norm() : "";
            boolean paired = PAIRED.contains(next) || (next.equals("of") || next.equals("my") || next.equals("your")
                    || next.equals("the") || next.equals("his") || next.equals("her")) && PAIRED.contains(after);
            return paired ? Side.BOTH : null;
        }
        return sideWord(norm);
    }

    private static Side sideWord(String norm) {
        return switch (norm) {
            case "right", "rt" -> Side.RIGHT;
            case "left", "lt" -> Side.LEFT;
            case "bilateral", "bilaterally", "both" -> Side.BOTH;
            default -> null;
        };
    }

    /** 1, 2 or 3 from "24 weeks pregnant" or "second trimester"; 0 when nothing says. */
    static int trimester(String... texts) {
        for (String text : texts) {
            Matcher t = TRIMESTER.matcher(text);
            if (t.find()) {
                String w = t.group(1).toLowerCase(Locale.ROOT);
                return w.startsWith("f") || w.startsWith("1") ? 1 : w.startsWith("s") || w.startsWith("2") ? 2 : 3;
            }
            Matcher w = WEEKS.matcher(text);
            Matcher g = GESTATIONAL_AGE.matcher(text);
            Integer weeks = w.find() ? Integer.valueOf(w.group(1)) : g.find() ? Integer.valueOf(g.group(1)) : null;
            if (weeks != null && weeks > 0 && weeks <= 43) {
                // Trimesters counted from the first day of the last period: < 14 weeks, 14 to < 28, 28+.
                return weeks < 14 ? 1 : weeks < 28 ? 2 : 3;
            }
        }
        return 0;
    }

    /** 'A' initial (active treatment) unless the note says follow-up of the injury ('D') or sequela ('S'). */
    static char episode(String... texts) {
        for (String text : texts) {
            if (SEQUELA.matcher(text).find()) {
                return 'S';
            }
            if (SUBSEQUENT.matcher(text).find()) {
                return 'D';
            }
        }
        return 'A';
    }

    Resolved resolve(List<String> templates, List<String> bilateral, Context context) {
        List<String> out = new ArrayList<>();
        boolean lost = false;
        List<String> chosen = context.side() == Side.BOTH && !bilateral.isEmpty() ? bilateral : templates;
        for (String template : chosen) {
            Resolved r = resolveOne(template, context);
            out.addAll(r.codes());
            lost |= r.lostDetail();
        }
        return new Resolved(out.stream().distinct().toList(), lost);
    }

    private Resolved resolveOne(String template, Context context) {
        for (String alternative : template.split("/")) {
            Resolved r = fill(alternative, context);
            if (!r.codes().isEmpty()) {
                return r;
            }
        }
        return new Resolved(List.of(), true);
    }

    private Resolved fill(String template, Context context) {
        if (template.contains("{lat}")) {
            List<String> digits = switch (context.side()) {
                case RIGHT -> List.of("1");
                case LEFT -> List.of("2");
                case BOTH -> List.of("3");
                case UNSPECIFIED -> List.of("9", "0");
            };
            for (String digit : digits) {
                Resolved r = fill(template.replace("{lat}", digit), context);
                if (!r.codes().isEmpty()) {
                    return new Resolved(r.codes(), context.side() == Side.UNSPECIFIED || r.lostDetail());
                }
            }
            if (context.side() == Side.BOTH) {
                // No bilateral code: a coder reports the right and the left code.
                List<String> both = new ArrayList<>(fill(template.replace("{lat}", "1"), context).codes());
                both.addAll(fill(template.replace("{lat}", "2"), context).codes());
                if (!both.isEmpty()) {
                    return new Resolved(both, false);
                }
            }
            return context.side() == Side.UNSPECIFIED ? new Resolved(List.of(), true)
                    : asLost(fill(template, new Context(Side.UNSPECIFIED, context.trimester(), context.episode())));
        }
        if (template.contains("{tri}")) {
            List<String> digits = context.trimester() == 0 ? List.of("0", "9") : List.of(Integer.toString(context.trimester()));
            for (String digit : digits) {
                Resolved r = fill(template.replace("{tri}", digit), context);
                if (!r.codes().isEmpty()) {
                    return new Resolved(r.codes(), context.trimester() == 0 || r.lostDetail());
                }
            }
            return context.trimester() == 0 ? new Resolved(List.of(), true)
                    : asLost(fill(template, new Context(context.side(), 0, context.episode())));
        }
        return billable(template, context.episode()).map(c -> new Resolved(List.of(c), false))
                .orElseGet(() -> new Resolved(List.of(), true));
    }

    private static Resolved asLost(Resolved r) {
        return new Resolved(r.codes(), true);
    }

    /** The code itself, or with its 7th character: "S93.401" + episode, placeholders X up to 6 characters. */
    private java.util.Optional<String> billable(String code, char episode) {
        if (codes.isBillable(code)) {
            return java.util.Optional.of(Icd10CodeSet.dotted(code));
        }
        StringBuilder bare = new StringBuilder(code.replace(".", ""));
        if (bare.length() < 3 || bare.length() > 6) {
            return java.util.Optional.empty();
        }
        while (bare.length() < 6) {
            bare.append('X');
        }
        String withEpisode = Icd10CodeSet.dotted(bare.toString() + episode);
        return codes.isBillable(withEpisode) ? java.util.Optional.of(withEpisode) : java.util.Optional.empty();
    }
}
