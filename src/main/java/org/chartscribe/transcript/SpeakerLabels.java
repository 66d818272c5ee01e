package org.chartscribe.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds speaker labels ({@code Doctor:}, {@code Dr. Smith:}, {@code [patient]}, {@code Guest_family:} ...)
 * and maps them to roles. Only known speaker words count as labels, so a dictated
 * {@code Assessment:} or {@code Plan:} is never mistaken for a speaker.
 */
final class SpeakerLabels {

    /** A label found in the text: {@code start} of the label, {@code contentStart} just after it. */
    record Label(int start, int contentStart, Role role) {}

    private static final Map<String, Role> ROLE_WORDS = Map.ofEntries(
            Map.entry("doctor", Role.CLINICIAN), Map.entry("dr", Role.CLINICIAN), Map.entry("physician", Role.CLINICIAN),
            Map.entry("clinician", Role.CLINICIAN), Map.entry("provider", Role.CLINICIAN), Map.entry("nurse", Role.CLINICIAN),
            Map.entry("np", Role.CLINICIAN), Map.entry("pa", Role.CLINICIAN), Map.entry("rn", Role.CLINICIAN),
            Map.entry("md", Role.CLINICIAN), Map.entry("therapist", Role.CLINICIAN), Map.entry("counselor", Role.CLINICIAN),
            Map.entry("counsellor", Role.CLINICIAN), Map.entry("psychiatrist", Role.CLINICIAN),
            Map.entry("psychologist", Role.CLINICIAN), Map.entry("guest_clinician", Role.CLINICIAN),
            Map.entry("paramedic", Role.CLINICIAN), Map.entry("emt", Role.CLINICIAN), Map.entry("medic", Role.CLINICIAN),
            Map.entry("dentist", Role.CLINICIAN), Map.entry("hygienist", Role.CLINICIAN), Map.entry("vet", Role.CLINICIAN),
            Map.entry("veterinarian", Role.CLINICIAN), Map.entry("pharmacist", Role.CLINICIAN),
            Map.entry("dietitian", Role.CLINICIAN), Map.entry("nutritionist", Role.CLINICIAN),
            Map.entry("trainer", Role.CLINICIAN), Map.entry("chiropractor", Role.CLINICIAN),
            Map.entry("acupuncturist", Role.CLINICIAN), Map.entry("slp", Role.CLINICIAN), Map.entry("midwife", Role.CLINICIAN),
            Map.entry("practitioner", Role.CLINICIAN), Map.entry("social worker", Role.CLINICIAN),
            Map.entry("patient", Role.PATIENT), Map.entry("pt", Role.PATIENT), Map.entry("client", Role.PATIENT),
            Map.entry("guest_family", Role.OTHER), Map.entry("patient_guest", Role.OTHER),
            Map.entry("guest", Role.OTHER), Map.entry("family", Role.OTHER), Map.entry("mother", Role.OTHER),
            Map.entry("father", Role.OTHER), Map.entry("mom", Role.OTHER), Map.entry("dad", Role.OTHER),
            Map.entry("parent", Role.OTHER), Map.entry("caregiver", Role.OTHER), Map.entry("guardian", Role.OTHER),
            Map.entry("wife", Role.OTHER), Map.entry("husband", Role.OTHER), Map.entry("spouse", Role.OTHER),
            Map.entry("partner", Role.OTHER), Map.entry("son", Role.OTHER), Map.entry("daughter", Role.OTHER),
            Map.entry("owner", Role.OTHER), Map.entry("companion", Role.OTHER), Map.entry("interpreter", Role.OTHER),
            Map.entry("relative", Role.OTHER), Map.entry("speaker", Role.UNKNOWN), Map.entry("unknown", Role.UNKNOWN));

    /** Bracket labels, ACI-Bench style: {@code [doctor] text}. */
    private static final Pattern BRACKET = Pattern.compile("(?m)^[ \\t]*\\[([A-Za-z_ ]{1,30})\\][ \\t]*:?[ \\t]*");

    /** Colon labels at the start of a line: a role word, optionally followed by up to two name words. */
    private static final Pattern LINE_COLON = Pattern.compile(
            "(?m)^[ \\t]*([A-Za-z_]+\\.?(?:[ \\t]+[A-Za-z0-9_]+\\.?){0,2})[ \\t]*:[ \\t]*");

    /** Colon labels inside a line, only in their capitalised form after a sentence end, e.g. "... ok. Patient: ...". */
    private static final Pattern INLINE_COLON = Pattern.compile(
            "(?=[DPNCMFOT])(?<=[.?!][ \\t]{1,3})((?:Doctor|Dr\\.?(?: [A-Z][a-z]+)?|Patient|Nurse|Clinician|Provider|Mother|Father"
                    + "|Parent|Caregiver|Owner|Client|Therapist))[ \\t]*:[ \\t]*");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SpeakerLabels() {}

    static List<Label> find(String text) {
        List<Label> labels = new ArrayList<>();
        collect(BRACKET.matcher(text), labels);
        collect(LINE_COLON.matcher(text), labels);
        collect(INLINE_COLON.matcher(text), labels);
        labels.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Label> distinct = new ArrayList<>();
        for (Label label : labels) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1).contentStart() <= label.start()) {
                distinct.add(label);
            }
        }
        return distinct;
    }

    private static void collect(Matcher m, List<Label> out) {
        while (m.find()) {
            Optional<Role> role = roleOf(m.group(1));
            if (role.isPresent()) {
                int start = m.start(1);
                // bracket labels start at '['
                if (start > 0 && m.group().contains("[")) {
                    start = m.group().indexOf('[') + m.start();
                }
                out.add(new Label(start, m.end(), role.get()));
            }
        }
    }

    /** The role a label name stands for, or empty when the name is not a speaker word. */
    static Optional<Role> roleOf(String name) {
        String n = SPACES.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        Role exact = ROLE_WORDS.get(n.replace(".", ""));
        if (exact != null) {
            return Optional.of(exact);
        }
        String[] words = n.split(" ");
        String first = words[0].replace(".", "");
        Role byFirst = ROLE_WORDS.get(first);
        if (byFirst == null) {
            return Optional.empty();
        }
        // "Speaker 1", "Dr. Smith", "Nurse Jones": a role word followed by a capitalised name or a number,
        // but not note vocabulary such as "Patient Education:" or "Family History:".
        String[] original = name.trim().split("\\s+");
        for (int i = 1; i < original.length; i++) {
            String w = original[i];
            boolean nameLike = Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0));
            if (!nameLike || NOT_NAMES.contains(w.toLowerCase(Locale.ROOT).replace(".", ""))) {
                return Optional.empty();
            }
        }
        return Optional.of(byFirst);
    }

    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of(
            "education", "history", "instructions", "report", "reports", "plan", "name", "information", "summary",
            "complaint", "concerns", "goals", "notes", "note", "assessment", "counseling", "communication", "id",
            "age", "sex", "status", "medications", "allergies", "visit", "care", "presents", "states");
}
