package org.chartscribe.note.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;

/**
 * The prompts, kept as resources under {@code prompts/}: one system prompt frame with the clinical
 * accuracy rules, one file per template (how long, which layout) and one per specialty (its register
 * and vocabulary). The headings are not copied into the files but generated from {@link Specialties}
 * (and the BIRP/DAP layouts), so the prompt and the embedded engine can never disagree on them.
 * Everything is read once at construction: a missing file stops start-up, not a request.
 */
public final class PromptLibrary {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final String system;
    private final String user;
    private final String repair;
    private final Map<String, String> templates = new HashMap<>();
    private final Map<String, String> specialties = new HashMap<>();

    public PromptLibrary() {
        system = read("prompts/note-system.txt");
        user = read("prompts/note-user.txt");
        repair = read("prompts/repair.txt");
        for (Template t : Template.values()) {
            templates.put(t.id(), read("prompts/templates/" + t.id() + ".txt"));
        }
        for (Specialty s : Specialties.all()) {
            specialties.put(s.id(), read("prompts/specialties/" + s.id() + ".txt"));
        }
    }

    /** The system and user messages for a request. */
    public List<LlmMessage> messages(NoteRequest request) {
        Specialty specialty = request.specialty();
        Template template = request.template();
        String systemText = fill(system, Map.of(
                "specialty", specialty.name(),
                "template", template.id(),
                "template_rules", templates.get(template.id()).strip(),
                "specialty_guidance", specialties.get(specialty.id()).strip(),
                "headings", headingList(specialty, template),
                "codes_rule", request.includeBillingCodes()
                        ? "Propose ICD-10-CM codes in \"icd10\" only for diagnoses the clinician states in this encounter, "
                                + "each with the most specific billable code the transcript supports, a one-line rationale "
                                + "and verbatim evidence quotes."
                        : "Leave \"icd10\" as an empty array."));
        String patient = request.patient().age() == null && request.patient().sex() == null ? "not given"
                : "age " + (request.patient().age() == null ? "not given" : request.patient().age())
                        + ", sex " + (request.patient().sex() == null ? "not given" : request.patient().sex());
        String userText = fill(user, Map.of("patient", patient, "transcript", request.transcript()));
        return List.of(LlmMessage.system(systemText), LlmMessage.user(userText));
    }

    /** The follow-up that asks the model once to correct an unusable answer. */
    public LlmMessage repair(String reason) {
        return LlmMessage.user(fill(repair, Map.of("reason", reason)));
    }

    /** The headings a division may use, e.g. {@code - subjective: Chief Complaint; History of Present Illness}. */
    static Map<SoapPart, List<String>> headings(Specialty specialty, Template template) {
        Map<SoapPart, List<String>> out = new java.util.EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            out.put(part, switch (template) {
                case BIRP -> List.of(List.of("Behavior", "Intervention", "Response", "Plan").get(part.ordinal()));
                case DAP -> List.of(List.of("Data", "Data", "Assessment", "Plan").get(part.ordinal()));
                default -> specialty.headings(part);
            });
        }
        return out;
    }

    private static String headingList(Specialty specialty, Template template) {
        List<String> lines = new ArrayList<>();
        headings(specialty, template).forEach((part, list) ->
                lines.add("- " + part.key() + ": " + String.join("; ", list)));
        return String.join("\n", lines);
    }

    /** One pass over the frame only: a value (the transcript) is never scanned for placeholders itself. */
    static String fill(String frame, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(frame);
        StringBuilder sb = new StringBuilder(frame.length() + 256);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt placeholder without a value: " + m.group(1));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String read(String resource) {
        try (InputStream in = PromptLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + resource, e);
        }
    }
}
