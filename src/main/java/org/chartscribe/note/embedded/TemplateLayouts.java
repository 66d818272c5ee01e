package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.Role;

/**
 * The behavioural templates. BIRP carries Behavior / Intervention / Response / Plan in the four
 * divisions; DAP carries Data (subjective and objective), Assessment and Plan.
 */
final class TemplateLayouts {

    /** What the clinician did in the session: belongs to "Intervention". */
    private static final Cues INTERVENTION = Cues.of("we practiced", "we worked on", "we explored", "we reviewed",
            "we discussed", "we talked about", "we processed", "we identified", "we role", "i introduced",
            "we introduced", "i taught", "i provided", "i validated", "i explained", "psychoeducation", "cbt",
            "cognitive restructuring", "reframing", "breathing exercise", "grounding", "mindfulness",
            "motivational", "role-play", "role play", "exposure", "relaxation", "today we", "in session");

    /** How the client took it: belongs to "Response". */
    private static final Cues RESPONSE = Cues.of("helpful", "helped", "felt better", "calmer", "makes sense",
            "i can try", "i'll try", "i will try", "relieved", "good idea", "going to try", "engaged", "receptive",
            "responded", "tolerated", "was able to");

    private TemplateLayouts() {}

    static Map<SoapPart, List<NoteSection>> birp(List<Classified> items, int max) {
        List<Classified> behavior = new ArrayList<>();
        List<Classified> intervention = new ArrayList<>();
        List<Classified> response = new ArrayList<>();
        List<Classified> plan = new ArrayList<>();
        for (Classified item : items) {
            boolean clinician = item.speaker() == Role.CLINICIAN || item.speaker() == Role.UNKNOWN;
            if (clinician && item.part() != SoapPart.PLAN && INTERVENTION.any(item.lookup())) {
                intervention.add(item);
            } else if (item.part() == SoapPart.ASSESSMENT || RESPONSE.any(item.lookup())) {
                response.add(item);
            } else if (item.part() == SoapPart.PLAN) {
                plan.add(item);
            } else {
                behavior.add(item);
            }
        }
        Map<SoapPart, List<NoteSection>> out = new EnumMap<>(SoapPart.class);
        put(out, SoapPart.SUBJECTIVE, "Behavior", behavior, max);
        put(out, SoapPart.OBJECTIVE, "Intervention", intervention, max);
        put(out, SoapPart.ASSESSMENT, "Response", response, max);
        put(out, SoapPart.PLAN, "Plan", plan, max);
        return out;
    }

    static Map<SoapPart, List<NoteSection>> dap(List<Classified> items, int max) {
        Map<SoapPart, List<NoteSection>> out = new EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            put(out, part, fallbackHeading(Template.DAP, null, part),
                    items.stream().filter(i -> i.part() == part).toList(), max);
        }
        return out;
    }

    /** The heading of a division when it has nothing specific: the template's own or the specialty's first. */
    static String fallbackHeading(Template template, Specialty specialty, SoapPart part) {
        return switch (template) {
            case BIRP -> List.of("Behavior", "Intervention", "Response", "Plan").get(part.ordinal());
            case DAP -> List.of("Data", "Data", "Assessment", "Plan").get(part.ordinal());
            default -> specialty.headings(part).get(0);
        };
    }

    private static void put(Map<SoapPart, List<NoteSection>> out, SoapPart part, String heading,
                            List<Classified> items, int max) {
        out.put(part, Composer.section(heading, items, max).map(List::of).orElse(List.of()));
    }
}
