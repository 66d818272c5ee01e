package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The built-in lexicon of common outpatient drugs ({@code clinical/drugs.tsv}): generic names,
 * their class, and brand names that map to the generic. Loaded once; immutable and thread-safe.
 */
public final class DrugLexicon {

    /** A drug as the lexicon knows it; {@code generic} is the canonical name. */
    public record Drug(String generic, String drugClass) {}

    /** A drug name found in text: {@code brand} is true when the text used a brand name. */
    public record DrugMention(Drug drug, boolean brand, int start, int end) {}

    private record Entry(Drug drug, boolean brand) {}

    private static final DrugLexicon BUILT_IN = load("/clinical/drugs.tsv");

    private final PhraseMatcher<Entry> names = new PhraseMatcher<>();
    private final List<Drug> drugs = new ArrayList<>();

    private DrugLexicon() {}

    public static DrugLexicon builtIn() {
        return BUILT_IN;
    }

    /** All generics, in file order. */
    public List<Drug> drugs() {
        return Collections.unmodifiableList(drugs);
    }

    /** The drug a generic or brand name stands for ("Advil" -> ibuprofen). */
    public Optional<Drug> lookup(String name) {
        return Optional.ofNullable(names.get(name)).map(Entry::drug);
    }

    /** Every drug name in the text, longest first, with exact offsets. */
    public List<DrugMention> find(String text) {
        return names.find(text).stream()
                .map(m -> new DrugMention(m.value().drug(), m.value().brand(), m.start(), m.end())).toList();
    }

    private static DrugLexicon load(String resource) {
        DrugLexicon lexicon = new DrugLexicon();
        for (String[] cols : TsvResource.rows(resource)) {
            Drug drug = new Drug(cols[0], cols.length > 1 ? cols[1] : "");
            lexicon.drugs.add(drug);
            lexicon.names.add(drug.generic(), new Entry(drug, false));
            for (String other : TsvResource.list(cols, 2)) {
                lexicon.names.add(other, new Entry(drug, true));
            }
        }
        return lexicon;
    }
}
