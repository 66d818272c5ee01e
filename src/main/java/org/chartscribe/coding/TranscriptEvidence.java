package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.Evidence;

/**
 * Finds where the transcript supports a code: the words the assessment used, or any phrase of the
 * synonym table for the same ICD-10-CM category (the note may say "hypertension" where the patient
 * said "blood pressure").
 */
final class TranscriptEvidence {

    private static final int MAX_SPANS = 3;
    private static final java.util.regex.Pattern SITED_SYMPTOM = java.util.regex.Pattern.compile(
            "(?:(?:right|left|bilateral)(?:-sided)? )?([a-z]+(?: [a-z]+)?) (?:pain|swelling|ache)");

    private final Map<String, List<List<String>>> phrasesByCategory = new HashMap<>();

    TranscriptEvidence(SynonymTable synonyms) {
        for (SynonymTable.Entry entry : synonyms.entries()) {
            for (String template : entry.templates()) {
                phrasesByCategory.computeIfAbsent(category(template), k -> new ArrayList<>()).add(entry.phrase());
            }
        }
    }

    private static String category(String code) {
        return code.length() >= 3 ? code.substring(0, 3) : code;
    }

    Index index(String transcript) {
        return new Index(ClinicalTokens.of(transcript));
    }

    final class Index {
        private final List<ClinicalTokens.Token> tokens;

        private Index(List<ClinicalTokens.Token> tokens) {
            this.tokens = tokens;
        }

        /** Up to three spans, the note's own words first, each span one phrase occurrence. */
        List<Evidence> find(String code, String notePhrase) {
            List<List<String>> phrases = new ArrayList<>();
            phrases.add(ClinicalTokens.norms(notePhrase));
            phrases.addAll(phrasesByCategory.getOrDefault(category(code), List.of()));
            List<Evidence> spans = new ArrayList<>();
            for (List<String> phrase : phrases) {
                for (int i = 0; i + phrase.size() <= tokens.size() && spans.size() < MAX_SPANS; i++) {
                    if (!phrase.isEmpty() && matchesAt(i, phrase)) {
                        Evidence e = new Evidence(tokens.get(i).start(), tokens.get(i + phrase.size() - 1).end());
                        if (spans.stream().noneMatch(s -> s.start() < e.end() && e.start() < s.end())) {
                            spans.add(e);
                        }
                    }
                }
                if (spans.size() >= MAX_SPANS) {
                    break;
                }
            }
            if (spans.isEmpty()) {
                sitedSymptomSite(notePhrase).ifPresent(site -> spans.addAll(find(code, site)));
            }
            spans.sort(java.util.Comparator.comparingInt(Evidence::start));
            return spans;
        }

        /**
         * "Right knee pain" the patient said as "my knee ... it hurts": the site ("knee") is where the transcript
         * supports it; empty for other phrases.
         */
        private java.util.Optional<String> sitedSymptomSite(String notePhrase) {
            java.util.regex.Matcher m = SITED_SYMPTOM.matcher(notePhrase.toLowerCase(java.util.Locale.ROOT));
            return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
        }

        /** How often the transcript names the code's condition in any of the table's words (at most 20). */
        int mentions(String code, String notePhrase) {
            List<List<String>> phrases = new ArrayList<>();
            phrases.add(ClinicalTokens.norms(notePhrase));
            phrases.addAll(phrasesByCategory.getOrDefault(category(code), List.of()));
            int count = 0;
            for (int i = 0; i < tokens.size() && count < 20; i++) {
                for (List<String> phrase : phrases) {
                    if (!phrase.isEmpty() && i + phrase.size() <= tokens.size() && matchesAt(i, phrase)) {
                        count++;
                        break;
                    }
                }
            }
            return count;
        }

        /**
         * The first character offset in [{@code from}, {@code to}) where the transcript names the code's
         * condition (the note's words or any of the table's words for its category); -1 if it does not.
         */
        int firstMentionWithin(String code, String notePhrase, int from, int to) {
            List<List<String>> phrases = new ArrayList<>();
            phrases.add(ClinicalTokens.norms(notePhrase));
            phrases.addAll(phrasesByCategory.getOrDefault(category(code), List.of()));
            for (int i = 0; i < tokens.size() && tokens.get(i).start() < to; i++) {
                if (tokens.get(i).start() < from) {
                    continue;
                }
                for (List<String> phrase : phrases) {
                    if (!phrase.isEmpty() && i + phrase.size() <= tokens.size() && matchesAt(i, phrase)
                            && tokens.get(i + phrase.size() - 1).end() <= to) {
                        return tokens.get(i).start();
                    }
                }
            }
            return -1;
        }

        /**
         * The side the conversation is about when it names one side at least twice and the other at most
         * a third as often (an encounter about one ankle); else unspecified.
         */
        Specificity.Side dominantSide() {
            int right = 0;
            int left = 0;
            for (ClinicalTokens.Token t : tokens) {
                right += t.norm().equals("right") ? 1 : 0;
                left += t.norm().equals("left") ? 1 : 0;
            }
            if (right >= 2 && right >= 3 * left) {
                return Specificity.Side.RIGHT;
            }
            if (left >= 2 && left >= 3 * right) {
                return Specificity.Side.LEFT;
            }
            // both sides talked about, and "both elbows" said: the problem is on both sides
            boolean bothSaid = false;
            for (int i = 0; i < tokens.size() && !bothSaid; i++) {
                // "both elbows", not "lungs clear bilaterally" (an exam phrase in many encounters)
                bothSaid = tokens.get(i).norm().equals("both") && Specificity.sideWord(tokens, i) == Specificity.Side.BOTH;
            }
            return right >= 1 && left >= 1 && bothSaid ? Specificity.Side.BOTH : Specificity.Side.UNSPECIFIED;
        }

        /**
         * The side of the first "right knee" / "my left ankle" in the conversation for the paired body part
         * the phrase names: where a visit compares both sides, the side the complaint was first given for.
         */
        Specificity.Side firstSideOfSite(List<String> phrase) {
            List<String> sites = phrase.stream().filter(Specificity::paired).toList();
            if (sites.isEmpty()) {
                return Specificity.Side.UNSPECIFIED;
            }
            for (int i = 1; i < tokens.size(); i++) {
                if (!sites.contains(tokens.get(i).norm())) {
                    continue;
                }
                // the side word just before the part, or before a determiner: "right knee", "my left ankle", "right your knee"
                for (int back = 1; back <= 2 && i - back >= 0; back++) {
                    String w = tokens.get(i - back).norm();
                    Specificity.Side side = w.equals("right") ? Specificity.Side.RIGHT
                            : w.equals("left") ? Specificity.Side.LEFT : null;
                    if (side != null) {
                        return side;
                    }
                    if (!(w.equals("my") || w.equals("your") || w.equals("the") || w.equals("his") || w.equals("her")
                            || w.equals("their") || w.equals("that") || w.equals("this"))) {
                        break;
                    }
                }
            }
            return Specificity.Side.UNSPECIFIED;
        }

        /** The side word just before (or right after) the first mention of the phrase that has one. */
        Specificity.Side sideNear(List<String> phrase) {
            for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
                if (!matchesAt(i, phrase)) {
                    continue;
                }
                int from = Math.max(0, i - 3);
                int to = Math.min(tokens.size(), i + phrase.size() + 2);
                Specificity.Side side = Specificity.side(tokens.subList(from, to), i - from, i - from + phrase.size(), "");
                if (side != Specificity.Side.UNSPECIFIED) {
                    return side;
                }
            }
            return Specificity.Side.UNSPECIFIED;
        }

        private boolean matchesAt(int at, List<String> phrase) {
            for (int k = 0; k < phrase.size(); k++) {
                if (!tokens.get(at + k).norm().equals(phrase.get(k))) {
                    return false;
                }
            }
            return true;
        }
    }
}
