package org.chartscribe.audio.speech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds the embedded recogniser's clinical language model at start-up: a trigram ARPA model with
 * absolute discounting and back-off over the sentences in {@code audio/speech-corpus.txt}, every name
 * and synonym the note engine knows ({@code clinical/*.tsv}: conditions, drugs, findings, body sites,
 * tests) and spoken numbers; with a dictionary of just those words (cmudict from the sphinx4-data jar,
 * plus {@code audio/extra-pronunciations.dict} for drug names cmudict lacks). A few thousand words
 * instead of the general model's 130,000 make the search both faster and far less likely to wander
 * off into unrelated words; the price is that words outside the model cannot be recognised at all.
 */
public final class ClinicalLanguageModel {
    private static final String CMUDICT = "/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";
    private static final String[] TERM_FILES = {"body-sites", "conditions", "drugs", "findings", "tests"};
    private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?");
    private static final String START = "<s>";
    private static final String END = "</s>";
    /** Absolute discount: how much of each seen n-gram's count is given to the unseen ones. */
    private static final double DISCOUNT = 0.7;

    public record Model(Path languageModel, Path dictionary, int words) {}

    private ClinicalLanguageModel() {}

    /** Writes {@code clinical.lm} and {@code clinical.dict} into {@code dir}. */
    public static Model write(Path dir) {
        try {
            Map<String, List<String>> pronunciations = pronunciations();
            List<List<String>> sentences = new ArrayList<>();
            for (List<String> sentence : corpus()) {
                // a word without a pronunciation cannot be recognised: split the sentence around it
                List<String> run = new ArrayList<>();
                for (String word : sentence) {
                    if (pronunciations.containsKey(word)) {
                        run.add(word);
                    } else if (!run.isEmpty()) {
                        sentences.add(run);
                        run = new ArrayList<>();
                    }
                }
                if (!run.isEmpty()) {
                    sentences.add(run);
                }
            }
            Path lm = dir.resolve("clinical.lm");
            Path dict = dir.resolve("clinical.dict");
            Set<String> vocabulary = new TreeSet<>();
            sentences.forEach(vocabulary::addAll);
            try (Writer out = Files.newBufferedWriter(dict, StandardCharsets.UTF_8)) {
                for (String word : vocabulary) {
                    List<String> variants = pronunciations.get(word);
                    for (int i = 0; i < variants.size(); i++) {
                        out.write(word + (i == 0 ? "" : "(" + (i + 1) + ")") + " " + variants.get(i) + "\n");
                    }
                }
            }
            try (Writer out = Files.newBufferedWriter(lm, StandardCharsets.UTF_8)) {
                arpa(sentences, out);
            }
            return new Model(lm, dict, vocabulary.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the clinical language model", e);
        }
    }

    /** Every sentence of the corpus, the clinical terms and the numbers, as lower-case words. */
    static List<List<String>> corpus() throws IOException {
        List<List<String>> sentences = new ArrayList<>();
        for (String line : lines("/audio/speech-corpus.txt")) {
            sentences.add(words(line));
        }
        for (String file : TERM_FILES) {
            boolean header = true;
            for (String line : lines("/clinical/" + file + ".tsv")) {
                if (header) { // the column names
                    header = false;
                    continue;
                }
                String[] columns = line.split("\t");
                for (int c = 0; c < columns.length; c++) {
                    if (file.equals("drugs") && c == 1 || file.equals("tests") && c == 1) {
                        continue; // drug class and test kind are labels, not things people say
                    }
                    for (String term : columns[c].split(",")) {
                        if (!term.isBlank() && !term.matches(".*\\d.*")) {
                            sentences.add(words(term));
                        }
                    }
                }
            }
        }
        sentences.addAll(numbers());
        sentences.removeIf(List::isEmpty);
        return sentences;
    }

    /** How numbers are said: "forty five", "one forty over ninety", "five hundred milligrams". */
    private static List<List<String>> numbers() {
        String[] units = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        String[] teens = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"};
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("zero"));
        for (String u : units) {
            out.add(List.of(u));
            out.add(List.of(u, "hundred"));
            out.add(List.of(u, "hundred", "milligrams"));
            out.add(List.of(u, "times", "a", "day"));
        }
        for (String t : teens) {
            out.add(List.of(t));
            out.add(List.of("one", t));
        }
        for (String t : tens) {
            out.add(List.of(t));
            out.add(List.of("one", t));
            out.add(List.of("one", t, "over", t));
            for (String u : units) {
                out.add(List.of(t, u));
                out.add(List.of("one", t, u));
            }
        }
        return out;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('-', ' '));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = reader(resource)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static BufferedReader reader(String resource) throws IOException {
        InputStream in = ClinicalLanguageModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** word -> its pronunciations (ARPAbet phones), from cmudict and the project's additions. */
    static Map<String, List<String>> pronunciations() throws IOException {
        Map<String, List<String>> out = new HashMap<>(140_000);
        for (String resource : List.of(CMUDICT, "/audio/extra-pronunciations.dict")) {
            try (BufferedReader in = reader(resource)) {
                for (String line; (line = in.readLine()) != null; ) {
                    int space = line.indexOf(' ');
                    if (space <= 0 || line.startsWith("#")) {
                        continue;
                    }
                    String word = line.substring(0, space);
                    int variant = word.indexOf('(');
                    word = variant > 0 ? word.substring(0, variant) : word;
                    out.computeIfAbsent(word, w -> new ArrayList<>()).add(line.substring(space + 1).strip());
                }
            }
        }
        return out;
    }

    /** Trigram model with absolute discounting and Katz-style back-off, written as ARPA text. */
    static void arpa(List<List<String>> sentences, Writer out) throws IOException {
        Map<String, Integer> c1 = new TreeMap<>();
        Map<String, Integer> c2 = new TreeMap<>();
        Map<String, Integer> c3 = new TreeMap<>();
        for (List<String> sentence : sentences) {
            List<String> s = new ArrayList<>();
            s.add(START);
            s.addAll(sentence);
            s.add(END);
            for (int i = 0; i < s.size(); i++) {
                c1.merge(s.get(i), 1, Integer::sum);
                if (i >= 1) {
                    c2.merge(s.get(i - 1) + " " + s.get(i), 1, Integer::sum);
                }
                if (i >= 2) {
                    c3.merge(s.get(i - 2) + " " + s.get(i - 1) + " " + s.get(i), 1, Integer::sum);
                }
            }
        }
        // unigrams: add-one over the words that can follow (not <s>)
        long total = c1.entrySet().stream().filter(e -> !e.getKey().equals(START)).mapToLong(Map.Entry::getValue).sum();
        int vocabulary = c1.size() - 1;
        Map<String, Double> p1 = new HashMap<>();
        c1.forEach((w, c) -> p1.put(w, w.equals(START) ? 0 : (c + 1.0) / (total + vocabulary)));

        Map<String, Double> p2 = conditional(c2, DISCOUNT);
        Map<String, Double> alpha1 = backoffs(c2, p2, (history, word) -> p1.get(word));
        Map<String, Double> p3 = conditional(c3, DISCOUNT);
        Map<String, Double> alpha2 = backoffs(c3, p3, (history, word) -> {
            Double seen = p2.get(history + " " + word);
            return seen != null ? seen : alpha1.getOrDefault(history, 1.0) * p1.get(word);
        });

        out.write("\\data\\\n");
        out.write("ngram 1=" + c1.size() + "\nngram 2=" + c2.size() + "\nngram 3=" + c3.size() + "\n\n");
        out.write("\\1-grams:\n");
        for (String w : c1.keySet()) {
            double p = w.equals(START) ? -99 : Math.log10(p1.get(w));
            out.write(String.format(Locale.ROOT, "%.4f %s %.4f%n", p, w, Math.log10(alpha1.getOrDefault(w, 1.0))));
        }
        out.write("\n\\2-grams:\n");
        for (String vw : c2.keySet()) {
            Double a = alpha2.get(vw);
            out.write(String.format(Locale.ROOT, "%.4f %s", Math.log10(p2.get(vw)), vw)
                    + (a == null ? "" : String.format(Locale.ROOT, " %.4f", Math.log10(a))) + "\n");
        }
        out.write("\n\\3-grams:\n");
        for (String uvw : c3.keySet()) {
            out.write(String.format(Locale.ROOT, "%.4f %s%n", Math.log10(p3.get(uvw)), uvw));
        }
        out.write("\n\\end\\\n");
    }

    /** P(w | history) for each seen n-gram "history w": (count - D) / count(history as a history). */
    private static Map<String, Double> conditional(Map<String, Integer> counts, double discount) {
        Map<String, Integer> histories = new HashMap<>();
        counts.forEach((ngram, c) -> histories.merge(history(ngram), c, Integer::sum));
        Map<String, Double> p = new HashMap<>();
        counts.forEach((ngram, c) -> p.put(ngram, (c - discount) / histories.get(history(ngram))));
        return p;
    }

    interface Lower {
        double p(String shorterHistory, String word);
    }

    /** The back-off weight of each history: the discounted mass spread over the lower order's unseen words. */
    private static Map<String, Double> backoffs(Map<String, Integer> counts, Map<String, Double> p, Lower lower) {
        Map<String, List<String>> seen = new HashMap<>();
        counts.keySet().forEach(ngram -> seen.computeIfAbsent(history(ngram), h -> new ArrayList<>()).add(ngram));
        Map<String, Double> alpha = new HashMap<>();
        seen.forEach((history, ngrams) -> {
            double left = 1 - ngrams.stream().mapToDouble(p::get).sum();
            String shorter = history.contains(" ") ? history.substring(history.indexOf(' ') + 1) : "";
            double lowerSeen = ngrams.stream().mapToDouble(n -> lower.p(shorter, last(n))).sum();
            alpha.put(history, Math.max(1e-6, left) / Math.max(1e-6, 1 - lowerSeen));
        });
        return alpha;
    }

    private static String history(String ngram) {
        return ngram.substring(0, ngram.lastIndexOf(' '));
    }

    private static String last(String ngram) {
        return ngram.substring(ngram.lastIndexOf(' ') + 1);
    }

    /** The corpus words no dictionary can pronounce (for maintaining extra-pronunciations.dict). */
    static Set<String> unpronounceable() throws IOException {
        Map<String, List<String>> known = pronunciations();
        Set<String> out = new LinkedHashSet<>();
        corpus().forEach(s -> s.stream().filter(w -> !known.containsKey(w)).forEach(out::add));
        return out;
    }

    static List<String> split(String s) {
        return Arrays.asList(s.split(" "));
    }
}
