package org.chartscribe.note.embedded;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.SoapPart;

/**
 * Inline section labels that a dictating clinician says or types ("Assessment: ...", "Plan: ...").
 * They decide the division of the sentences that follow them, which the clinician knows better
 * than any cue rule.
 */
final class SectionLabels {

    /** A recognised label: the divisions it allows, a heading hint, and where the content starts. */
    record Hit(Set<SoapPart> parts, String headingHint, int contentOffset) {}

    private record Def(Set<SoapPart> parts, String headingHint) {}

    private static final Map<String, Def> LABELS = new LinkedHashMap<>();

    static {
        def("assessment and plan|assessment/plan|a/p|a&p|impression and plan", null, SoapPart.ASSESSMENT, SoapPart.PLAN);
        def("chief complaint|cc|reason for visit|reason for consult|reason for referral|presenting complaint",
                "complaint", SoapPart.SUBJECTIVE);
        def("history of present illness|hpi|subjective|s|history|interval history|patient report|client report",
                null, SoapPart.SUBJECTIVE);
        def("review of systems|ros", "review", SoapPart.SUBJECTIVE);
        def("medications|meds|current medications", "medications", SoapPart.SUBJECTIVE);
        def("allergies", "allergies", SoapPart.SUBJECTIVE);
        def("past medical history|pmh", "medical", SoapPart.SUBJECTIVE);
        def("social history", "social", SoapPart.SUBJECTIVE);
        def("family history", "family", SoapPart.SUBJECTIVE);
        def("objective|o|exam|physical exam|physical examination|pe|examination", null, SoapPart.OBJECTIVE);
        def("vitals|vital signs", "vital", SoapPart.OBJECTIVE);
        def("labs|results|imaging|diagnostics", "results", SoapPart.OBJECTIVE);
        def("data", null, SoapPart.SUBJECTIVE, SoapPart.OBJECTIVE);
        def("behavior|behaviour", null, SoapPart.SUBJECTIVE);
        def("intervention|interventions", "interventions", SoapPart.OBJECTIVE);
        def("response", null, SoapPart.ASSESSMENT);
        def("mental status exam|mental status|mse", "mental", SoapPart.OBJECTIVE);
        def("assessment|a|impression|diagnosis|diagnoses|clinical impression|field impression", null,
                SoapPart.ASSESSMENT);
        def("plan|p|recommendations|disposition", null, SoapPart.PLAN);
        def("follow-up|follow up|followup", "follow", SoapPart.PLAN);
        def("orders", "orders", SoapPart.PLAN);
        def("referrals", "referrals", SoapPart.PLAN);
    }

    private static final Pattern LABEL = Pattern.compile("^\\s*([A-Za-z][A-Za-z/&\\- ]{0,40}?)\\s*:\\s*");

    private SectionLabels() {}

    private static void def(String names, String hint, SoapPart first, SoapPart... rest) {
        for (String name : names.split("\\|")) {
            LABELS.put(name, new Def(EnumSet.of(first, rest), hint));
        }
    }

    static Optional<Hit> match(String sentence) {
        Matcher m = LABEL.matcher(sentence);
        if (!m.find()) {
            return Optional.empty();
        }
        Def def = LABELS.get(m.group(1).toLowerCase(Locale.ROOT).trim());
        return def == null ? Optional.empty() : Optional.of(new Hit(def.parts(), def.headingHint(), m.end()));
    }
}
