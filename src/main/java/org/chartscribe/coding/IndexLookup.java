package org.chartscribe.coding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Codes a diagnostic statement the way a coder uses the Alphabetic Index: find the main term among
 * the statement's words, follow the subterms its other words name (site, type, acuity, cause, "with"
 * complications), take the code of the deepest term reached (the main term's own code is the NOS
 * default), follow a "see" reference, and complete a code the index leaves open (a trailing
 * {@code -}) in the Tabular: the side documented, else the unspecified code. The 7th character is
 * added later from the encounter ({@link Specificity}).
 */
final class IndexLookup {

    /** The code reached (without its 7th character) and the path followed, for the rationale. */
    record Hit(String code, String path, int from, int to) {}

    static final String STOP_TERMS = "/coding/index-stop-terms.txt";
    static final String NEEDS_SUBTERM = "/coding/index-needs-subterm.txt";
    static final String SITE_WORDS = "/coding/index-site-synonyms.tsv";
    private static final Set<String> CONNECTORS = Set.of("with", "without", "in", "of", "due", "to", "and", "or", "the",
            "a", "an", "by", "as", "from", "for", "on", "at", "nec", "nos", "see", "following", "after");
    private static final int MAX_DEPTH = 8;
    /** Index levels that only place a site ("Pain, abdominal, lower, periumbilical"): implied by the site named. */
    private static final Set<String> POSITIONS = Set.of("lower", "upper", "anterior", "posterior", "central", "middle");
    private static final int MAX_WORDS = 3;

    private final Icd10CodeSet codes;
    private final AlphabeticIndex index;
    private final Set<String> stopTerms;
    /** Main terms whose own code says too little to suggest ("Pain" R52): used only when a subterm gives the code. */
    private final Set<String> needsSubterm;
    /** Site words and the index words they also name: "leg" is a lower limb where the index has no "leg" row. */
    private final java.util.Map<String, List<String>> siteWords;

    /** Whether this reads the Index to External Causes (codes V00-Y38) rather than the Alphabetic Index (A00-T88). */
    private final boolean causes;

    IndexLookup(Icd10CodeSet codes, AlphabeticIndex index) {
        this(codes, index, false);
    }

    /** A lookup in the Index to External Causes: how an injury happened ("Bite, bitten by, dog" W54.0). */
    static IndexLookup externalCauses(Icd10CodeSet codes, AlphabeticIndex index) {
        return new IndexLookup(codes, index, true);
    }

    private IndexLookup(Icd10CodeSet codes, AlphabeticIndex index, boolean causes) {
        this.causes = causes;
        this.codes = codes;
        this.index = index;
        this.stopTerms = readTerms(STOP_TERMS);
        this.needsSubterm = readTerms(NEEDS_SUBTERM);
        this.siteWords = readSiteWords();
    }

    /** The first main term in the statement that leads to a billable code (longest wording first). */
    Optional<Hit> lookup(List<ClinicalTokens.Token> tokens, Specificity.Side side) {
        if (index.size() == 0) {
            return Optional.empty();
        }
        List<String> norms = new ArrayList<>(tokens.size());
        tokens.forEach(t -> norms.add(t.norm()));
        Set<String> words = new HashSet<>(norms);
        Set<String> also = new HashSet<>();
        norms.forEach(w -> also.addAll(siteWords.getOrDefault(w, List.of())));
        also.removeAll(words);
        for (int from = 0; from < tokens.size(); from++) {
            for (int n = Math.min(MAX_WORDS, tokens.size() - from); n >= 1; n--) {
                List<String> phrase = norms.subList(from, from + n);
                if (n == 1 && (phrase.get(0).length() < 4 || CONNECTORS.contains(phrase.get(0)))) {
                    continue;
                }
                String said = String.join(" ", phrase);
                if (stopTerms.contains(said)) {
                    continue;
                }
                for (AlphabeticIndex.Term main : index.mainTerm(said)) {
                    Set<String> rest = new HashSet<>(words);
                    phrase.forEach(rest::remove);
                    Optional<Hit> hit = follow(main, rest, also, side, from, from + n);
                    if (hit.isPresent()) {
                        return hit;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Hit> follow(AlphabeticIndex.Term main, Set<String> statementWords, Set<String> siteAlso,
                                 Specificity.Side side, int from, int to) {
        // each word of the statement is read once: "elevated" that led to "Cholesterol, elevated" does not
        // also lead on to its subterm "with elevated (triglycerides)"
        Set<String> words = new HashSet<>(statementWords);
        Set<String> also = new HashSet<>(siteAlso);
        AlphabeticIndex.Term at = main;
        boolean vague = needsSubterm.contains(AlphabeticIndex.normal(main.term()));
        AlphabeticIndex.Term coded = main.code().isEmpty() || vague ? null : main;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            AlphabeticIndex.Term next = bestChild(at, words, also);
            if (next == null) {
                break;
            }
            at = next;
            content(at.term()).forEach(words::remove);
            content(at.term()).forEach(also::remove);
            if (!at.code().isEmpty()) {
                coded = at;
            }
        }
        if (coded == null || coded != at && !at.see().isEmpty()) {
            // no code on the way: a "see" reference sends the coder to another main term
            AlphabeticIndex.Term seeFrom = !at.see().isEmpty() ? at : vague ? null : main;
            if (seeFrom == null) {
                return Optional.empty();
            }
            if (seeFrom.see().isEmpty()) {
                return Optional.empty();
            }
            Optional<AlphabeticIndex.Term> target = see(seeFrom.see());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            // "Swollen, see Swelling": the term referred to says as little alone as it does when said
            coded = target.get().code().isEmpty() || target.get().level() == 0
                    && needsSubterm.contains(AlphabeticIndex.normal(target.get().term())) ? null : target.get();
            at = target.get();
            // the statement is read afresh under the term referred to, as a coder reads it again there: "finger" led
            // to "Pain, finger, see Pain, limb, upper", and under "upper" it is "finger"; "calf" is still a lower leg
            words = new HashSet<>(statementWords);
            also = new HashSet<>(siteAlso);
            for (int depth = 0; depth < MAX_DEPTH; depth++) {
                AlphabeticIndex.Term next = bestChild(at, words, also);
                if (next == null) {
                    break;
                }
                at = next;
                content(at.term()).forEach(words::remove);
                content(at.term()).forEach(also::remove);
                if (!at.code().isEmpty()) {
                    coded = at;
                }
            }
            if (coded == null) {
                return Optional.empty();
            }
        }
        Set<String> sites = new HashSet<>(statementWords);
        sites.addAll(siteAlso);
        String code = complete(coded.code(), side, sites);
        if (code == null || !(causes ? cause(code) : condition(code))) {
            return Optional.empty();
        }
        return Optional.of(new Hit(code, index.path(coded), from, to));
    }

    /**
     * The subterm whose words the statement says most of; "with" and "in" rows are looked through. A word
     * said counts 3, a site word it stands for ({@link #siteWords}: "leg" for "limb") 1, so the index's own
     * wording wins. When no subterm matches, a sub-subterm the statement names exactly under a position
     * subterm, one only, is taken ("Pain, abdominal, lower, periumbilical" for a periumbilical abdominal pain):
     * the site implies its position.
     */
    private AlphabeticIndex.Term bestChild(AlphabeticIndex.Term at, Set<String> words, Set<String> also) {
        AlphabeticIndex.Term best = bestChild(at, words, also, true);
        return best != null ? best : impliedGrandchild(at, words);
    }

    private AlphabeticIndex.Term bestChild(AlphabeticIndex.Term at, Set<String> words, Set<String> also, boolean lookThrough) {
        AlphabeticIndex.Term best = null;
        int bestScore = 0;
        for (AlphabeticIndex.Term child : index.children(at)) {
            String term = child.term().toLowerCase(Locale.ROOT);
            if (term.startsWith("without") || term.startsWith("except")) {
                continue;
            }
            List<String> content = content(child.term());
            int said = causes ? alternativeSaid(child.term(), words) : 0;
            int score;
            if (content.isEmpty()) {
                if (!lookThrough) {
                    continue;
                }
                // "with", "in", "due to": a connector row; its own subterms carry the words (one more when the
                // statement says the connector itself: "fell from the tree" reads "from, off, out of", not "in, on")
                AlphabeticIndex.Term inner = bestChild(child, words, also, true);
                score = inner == null ? 0 : score(content(inner.term()), words, also) + (said > 0 ? 1 : 0);
                if (score > bestScore) {
                    best = inner;
                    bestScore = score;
                }
                continue;
            }
            score = Math.max(score(content, words, also), said);
            if (score > bestScore) {
                best = child;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * In the Index to External Causes a subterm printed with commas lists alternatives ("from, off, out of", "in,
     * on", "stairs, steps"): said when any one of them is, 3 a word of the longest said whole (connectors count
     * here), 0 when none is. Not in the Alphabetic Index, where a comma also inverts a qualifier ("Cramp, leg,
     * sleep related" is no leg cramp).
     */
    private static int alternativeSaid(String term, Set<String> words) {
        if (term.indexOf(',') < 0) {
            return 0;
        }
        int best = 0;
        for (String part : term.replace("(s)", "").replace("(es)", "").split(",")) {
            List<String> raw = ClinicalTokens.rawNorms(part);
            if (!raw.isEmpty() && words.containsAll(raw)) {
                best = Math.max(best, 3 * raw.size());
            }
        }
        return best;
    }

    /** 3 a word said, 1 a site word it stands for ("thigh" itself before "lower leg"); 0 unless every word is covered. */
    private static int score(List<String> content, Set<String> words, Set<String> also) {
        int score = 0;
        for (String w : content) {
            if (words.contains(w)) {
                score += 3;
            } else if (also.contains(w)) {
                score += 1;
            } else {
                return 0;
            }
        }
        return score;
    }

    private AlphabeticIndex.Term impliedGrandchild(AlphabeticIndex.Term at, Set<String> words) {
        AlphabeticIndex.Term found = null;
        for (AlphabeticIndex.Term child : index.children(at)) {
            List<String> level = content(child.term());
            if (level.isEmpty() || !POSITIONS.containsAll(level)) {
                // connector rows are looked through already; only a position ("lower") is implied by a site below it:
                // "Blood, pressure, high" is no high blood sugar, "Itch, Malabar, scalp" no itchy scalp
                continue;
            }
            for (AlphabeticIndex.Term grand : index.children(child)) {
                List<String> content = content(grand.term());
                if (!content.isEmpty() && words.containsAll(content)) {
                    if (found != null) {
                        return null; // named under two subterms: the statement does not say which
                    }
                    found = grand;
                }
            }
        }
        return found;
    }

    private static List<String> content(String term) {
        List<String> out = new ArrayList<>();
        // "foot specified NEC": the site is what a statement says; "specified ... NEC" is the index's note that
        // other named forms land here, not a word anyone says
        String t = term.replace("(s)", "").replace("(es)", "").replace("specified NEC", "NEC");
        for (String w : ClinicalTokens.norms(t)) {
            if (!CONNECTORS.contains(w) && w.length() > 1) {
                out.add(w);
            }
        }
        return out;
    }

    /** "Calculus, gallbladder": the main term, then each subterm named after a comma. */
    private Optional<AlphabeticIndex.Term> see(String reference) {
        String[] parts = reference.split(",");
        List<AlphabeticIndex.Term> mains = index.mainTerm(parts[0].strip());
        if (mains.isEmpty()) {
            return Optional.empty();
        }
        AlphabeticIndex.Term at = mains.get(0);
        for (int i = 1; i < parts.length; i++) {
            String want = AlphabeticIndex.normal(parts[i]);
            AlphabeticIndex.Term found = null;
            for (AlphabeticIndex.Term child : index.children(at)) {
                if (AlphabeticIndex.normal(child.term()).equals(want)) {
                    found = child;
                    break;
                }
            }
            if (found == null) {
                return Optional.of(at);
            }
            at = found;
        }
        return Optional.of(at);
    }

    /**
     * A billable code (or the stem a 7th character completes) from an index code: as is when billable,
     * else the Tabular's codes under it: the documented side, else the "unspecified" one, else the first.
     */
    private String complete(String indexCode, Specificity.Side side, Set<String> statementWords) {
        String code = indexCode.replace("-", "").replaceAll("\\.$", "");
        if (code.isEmpty()) {
            return null;
        }
        if (codes.isBillable(code)) {
            return Icd10CodeSet.dotted(code);
        }
        List<String> stems = new ArrayList<>();
        for (String c : codes.billableUnder(code)) {
            String stem = stem(c);
            if (!stems.contains(stem)) {
                stems.add(stem);
            }
        }
        if (stems.isEmpty()) {
            return null;
        }
        String sideWord = switch (side) {
            case RIGHT -> "right";
            case LEFT -> "left";
            case BOTH -> "bilateral";
            case UNSPECIFIED -> null;
        };
        String best = null;
        int bestScore = Integer.MIN_VALUE;
        for (String stem : stems) {
            String title = titleOf(stem).toLowerCase(Locale.ROOT);
            int score = 0;
            if (sideWord != null && title.contains(sideWord)) {
                score += 4;
            }
            // NOS: each "unspecified" (type, site, side) is what a statement saying no more gets
            score += 2 * (title.split("unspecified", -1).length - 1);
            if (sideWord == null && (title.contains("right") || title.contains("left") || title.contains("bilateral"))) {
                score -= 4;
            }
            if (title.contains("other") || title.contains("nec")) {
                score -= 1;
            }
            // the site the statement names: "Pain in left leg", not "Pain in left arm", for a left leg pain
            for (String w : ClinicalTokens.rawNorms(title)) {
                if (w.length() > 2 && !w.equals(sideWord) && statementWords.contains(w)) {
                    score += 1;
                }
            }
            if (score > bestScore) {
                best = stem;
                bestScore = score;
            }
        }
        return best;
    }

    /** S63.501A -> S63.501 and T07.XXXA -> T07 when the code is a 7th-character extension. */
    private String stem(String code) {
        if (code.length() == 8 && Character.isLetter(code.charAt(7))) {
            String stem = code.substring(0, 7).replaceAll("X+$", "").replaceAll("\\.$", "");
            if (!codes.isBillable(stem)) {
                return stem;
            }
        }
        return code;
    }

    private String titleOf(String stem) {
        return codes.title(stem).or(() -> codes.billableUnder(stem).stream().findFirst().flatMap(codes::title)).orElse("");
    }

    /**
     * How it happened: transport accidents, falls, bites, contact, exposure, assault (V00-Y38). Place,
     * activity and status codes (Y90-Y99) say where and doing what, which a visit seldom documents as such.
     */
    private static boolean cause(String code) {
        char c = code.charAt(0);
        // X58 "exposure to other specified factors" is the index's default for "Fracture", "Injury": it says nothing
        return (c == 'V' || c == 'W' || c == 'X' || c == 'Y' && code.compareTo("Y39") < 0) && !code.startsWith("X58");
    }

    /** Diseases, injuries and symptoms (A00-T88); external causes and Z codes need their own evidence. */
    private static boolean condition(String code) {
        char c = code.charAt(0);
        return c >= 'A' && c <= 'T';
    }

    private static java.util.Map<String, List<String>> readSiteWords() {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        for (CodingTables.Row row : CodingTables.rows(SITE_WORDS, CodingTables.resource(SITE_WORDS))) {
            if (row.cols().length != 2) {
                throw row.fail("expected site word<TAB>index words");
            }
            List<String> said = ClinicalTokens.rawNorms(row.cols()[0]);
            if (said.size() != 1) {
                throw row.fail("one site word a row");
            }
            out.computeIfAbsent(said.get(0), k -> new ArrayList<>()).addAll(ClinicalTokens.rawNorms(row.cols()[1]));
        }
        return out;
    }

    private static Set<String> readTerms(String resource) {
        try (InputStream in = IndexLookup.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CodeSetFormatException(resource, 0, "resource missing from the build");
            }
            Set<String> out = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(String.join(" ", ClinicalTokens.norms(line.strip())));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
