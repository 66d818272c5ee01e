package org.chartscribe.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public catalogue of specialties, their section structure and the templates each allows. */
@RestController
class SpecialtyController {

    record SectionView(String section, List<String> headings) {}

    record SpecialtyView(String id, String name, List<SectionView> sections, List<String> templates) {
        static SpecialtyView of(Specialty specialty) {
            List<SectionView> sections = java.util.Arrays.stream(SoapPart.values())
                    .map(part -> new SectionView(part.key(), specialty.headings(part))).toList();
            List<String> templates = Template.allowedFor(specialty).stream().map(Template::id).toList();
            return new SpecialtyView(specialty.id(), specialty.name(), sections, templates);
        }
    }

    private static final List<SpecialtyView> CATALOGUE = Specialties.all().stream().map(SpecialtyView::of).toList();

    @Operation(summary = "List the 24 specialties with their section structure (no key needed)")
    @GetMapping(path = "/v1/specialties", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SpecialtyView> list() {
        return CATALOGUE;
    }
}
