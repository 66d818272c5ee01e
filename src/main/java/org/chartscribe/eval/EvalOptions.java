package org.chartscribe.eval;

import java.nio.file.Path;
import java.util.Optional;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;

/**
 * The parsed command line of {@code eval}. {@link #parse} returns empty for any usage error, and
 * the caller prints the usage text; the reason goes to {@code problem}.
 */
public record EvalOptions(Path input, int limit, Specialty specialty, Template template, String noteColumn,
                          Optional<Path> labels, Optional<Path> icd10cm, boolean references, Optional<Path> dump) {

    /** Without billing-code evaluation. */
    public EvalOptions(Path input, int limit, Specialty specialty, Template template, String noteColumn) {
        this(input, limit, specialty, template, noteColumn, Optional.empty(), Optional.empty());
    }

    /** Without the reference notes' copied-speech line and without a dump. */
    public EvalOptions(Path input, int limit, Specialty specialty, Template template, String noteColumn,
                       Optional<Path> labels, Optional<Path> icd10cm) {
        this(input, limit, specialty, template, noteColumn, labels, icd10cm, false, Optional.empty());
    }

    public static final String USAGE = """
            usage: java -jar chartscribe.jar eval --input FILE.csv [--limit N] [--specialty ID]
                                                  [--template ID] [--note-column NAME]
                                                  [--labels LABELS.tsv [--icd10cm CODES]]
                                                  [--references] [--dump DIR]
              FILE.csv       a CSV with a header row, a 'dialogue' column and a reference note column
                             ('note', else 'section_text'; or name it with --note-column);
                             an 'encounter_id' or 'id' column names the rows (else the row number)
              --limit N      score only the first N rows
              --specialty    a specialty id (default: generic)
              --template     a template id (default: standard)
              --labels       ICD-10-CM labels: lines 'id<TAB>codes' (space-separated, principal first);
                             the billing codes suggested for each labelled row are scored
              --icd10cm      the ICD-10-CM code set to code with (a CDC order file or code<TAB>title),
                             instead of the built-in subset; needs --labels
              --references   also count copied-speech signs in the reference notes (calibration)
              --dump DIR     write DIR/<id>.txt per row: dialogue, reference, generated note and its
                             sections; these files hold the input file's clinical text (created
                             owner-only; keep them where the input file may be kept)
            prints one line per row (id rouge1 rouge2 rougeL invented_facts ms copied_speech
            second_person_or_filler), a summary line (n rouge1 rouge2 rougeL invented_facts ms_p50 ms_p95
            copied_speech_per_note notes_with_second_person_or_filler), then 'copied_speech: second_person=..
            fillers=.. stutters=.. cut=.. duplicated=.. object_pronoun=.. first_person=..' (sums);
            with --references, then the same for the reference notes ('reference_copied_speech: ..');
            with --labels, then a line 'icd10_top1=.. icd10_top5=.. icd10_invalid=.. labelled=.. labels_not_in_set=..
            icd10_main_first=..'""";

    /** Parses {@code args} (without the leading "eval"); on failure appends the reason to {@code problem}. */
    public static Optional<EvalOptions> parse(String[] args, StringBuilder problem) {
        Path input = null;
        int limit = Integer.MAX_VALUE;
        Specialty specialty = Specialties.generic();
        Template template = Template.STANDARD;
        String noteColumn = null;
        Path labels = null;
        Path icd10cm = null;
        boolean references = false;
        Path dump = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--references")) {
                references = true; // a switch: takes no value
                continue;
            }
            if (i + 1 >= args.length) {
                problem.append("missing value after ").append(flag);
                return Optional.empty();
            }
            String value = args[++i];
            switch (flag) {
                case "--input" -> input = Path.of(value);
                case "--note-column" -> noteColumn = value;
                case "--labels" -> labels = Path.of(value);
                case "--icd10cm" -> icd10cm = Path.of(value);
                case "--dump" -> dump = Path.of(value);
                case "--limit" -> {
                    try {
                        limit = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        limit = 0;
                    }
                    if (limit <= 0) {
                        problem.append("--limit needs a positive whole number");
                        return Optional.empty();
                    }
                }
                case "--specialty" -> {
                    Optional<Specialty> found = Specialties.byId(value);
                    if (found.isEmpty()) {
                        problem.append("unknown specialty: ").append(value);
                        return Optional.empty();
                    }
                    specialty = found.get();
                }
                case "--template" -> {
                    Optional<Template> found = Template.fromId(value);
                    if (found.isEmpty() || !Template.allowedFor(specialty).contains(found.get())) {
                        problem.append("unknown template (or not allowed for the specialty): ").append(value);
                        return Optional.empty();
                    }
                    template = found.get();
                }
                default -> {
                    problem.append("unknown option: ").append(flag);
                    return Optional.empty();
                }
            }
        }
        if (input == null) {
            problem.append("--input is required");
            return Optional.empty();
        }
        if (icd10cm != null && labels == null) {
            problem.append("--icd10cm is used only to score billing codes: give --labels too");
            return Optional.empty();
        }
        return Optional.of(new EvalOptions(input, limit, specialty, template, noteColumn, Optional.ofNullable(labels),
                Optional.ofNullable(icd10cm), references, Optional.ofNullable(dump)));
    }
}
