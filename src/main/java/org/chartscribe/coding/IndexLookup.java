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
    private static final Set<String> CONNECTORS = Set.of("with", "without", "in", "of", "due", "to", "and", "or", "the",
            "a", "an", "by", "as", "from", "for", "on", "at", "nec", "nos", "see", "following", "after");
    private static final int MAX_DEPTH = 8;
    private static final int MAX_WORDS = 3;

    private final Icd10CodeSet codes;
    private final AlphabeticIndex index;
    private final Set<String> stopTerms;

    IndexLookup(Icd10CodeSet codes, AlphabeticIndex index) {
        this.codes = codes;
        this.index = index;
        this.stopTerms = readStopTerms();
    }

    /** The first main term in the statement that leads to a billable code (longest wording first). */
    Optional<Hit> lookup(List<ClinicalTokens.Token> tokens, Specificity.Side side) {
        if (index.size() == 0) {
            return Optional.empty();
        }
        List<String> norms = new ArrayList<>(tokens.size());
        tokens.forEach(t -> norms.add(t.norm()));
        Set<String> words = new HashSet<>(norms);
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
                    Optional<Hit> hit = follow(main, rest, side, from, from + n);
                    if (hit.isPresent()) {
                        return hit;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Hit> follow(AlphabeticIndex.Term main, Set<String> statementWords, Specificity.Side side, int from, int to) {
        // each word of the statement is read once: "elevated" that led to "Cholesterol, elevated" does not
        // also lead on to its subterm "with elevated (triglycerides)"
        Set<String> words = new HashSet<>(statementWords);
        AlphabeticIndex.Term at = main;
        AlphabeticIndex.Term coded = main.code().isEmpty() ? null : main;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            AlphabeticIndex.Term next = bestChild(at, words);
            if (next == null) {
                break;
            }
            at = next;
            content(at.term()).forEach(words::remove);
            if (!at.code().isEmpty()) {
                coded = at;
            }
        }
        if (coded == null || coded != at && !at.see().isEmpty()) {
            // no code on the way: a "see" reference sends the coder to another main term
            AlphabeticIndex.Term seeFrom = !at.see().isEmpty() ? at : main;
            if (seeFrom.see().isEmpty()) {
                return Optional.empty();
            }
            Optional<AlphabeticIndex.Term> target = see(seeFrom.see());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            coded = target.get().code().isEmpty() ? null : target.get();
            at = target.get();
            for (int depth = 0; depth < MAX_DEPTH; depth++) {
                AlphabeticIndex.Term next = bestChild(at, words);
                if (next == null) {
                    break;
                }
                at = next;
                if (!at.code().isEmpty()) {
                    coded = at;
                }
            }
            if (coded == null) {
                return Optional.empty();
            }
        }
        String code = complete(coded.code(), side);
        if (code == null || !condition(code)) {
            return Optional.empty();
        }
        return Optional.of(new Hit(code, index.path(coded), from, to));
    }

    /** The subterm whose words the statement says most of; "with" and "in" rows are looked through. */
    private AlphabeticIndex.Term bestChild(AlphabeticIndex.Term at, Set<String> words) {
        AlphabeticIndex.Term best = null;
        int bestScore = 0;
        for (AlphabeticIndex.Term child : index.children(at)) {
            String term = child.term().toLowerCase(Locale.ROOT);
            if (term.startsWith("without") || term.startsWith("except")) {
                continue;
            }
            List<String> content = content(child.term());
            int score;
            if (content.isEmpty()) {
                // "with", "in", "due to": a connector row; its own subterms carry the words
                AlphabeticIndex.Term inner = bestChild(child, words);
                score = inner == null ? 0 : content(inner.term()).size();
                if (score > bestScore) {
                    best = inner;
                    bestScore = score;
                }
                continue;
            }
            score = words.containsAll(content) ? content.size() : 0;
            if (score > bestScore) {
                best = child;
                bestScore = score;
            }
        }
        return best;
    }

    private static List<String> content(String term) {
        List<String> out = new ArrayList<>();
        for (String w : ClinicalTokens.norms(term.replace("(s)", "").replace("(es)", ""))) {
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
    private String complete(String indexCode, Specificity.Side side) {
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

    /** Diseases, injuries and symptoms (A00-T88); external causes and Z codes need their own evidence. */
    private static boolean condition(String code) {
        char c = code.charAt(0);
        return c >= 'A' && c <= 'T';
    }

    private static Set<String> readStopTerms() {
        try (InputStream in = IndexLookup.class.getResourceAsStream(STOP_TERMS)) {
            if (in == null) {
                throw new CodeSetFormatException(STOP_TERMS, 0, "resource missing from the build");
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
