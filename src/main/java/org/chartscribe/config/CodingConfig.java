package org.chartscribe.config;

import java.nio.file.Path;
import org.chartscribe.coding.ClinicalCoder;
import org.chartscribe.coding.CptCodeSet;
import org.chartscribe.coding.Icd10CodeSet;
import org.chartscribe.coding.Icd10CodeSetLoader;
import org.chartscribe.note.MedicalCoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Billing code suggestions. {@code CHARTSCRIBE_ICD10CM_PATH} loads a CDC order file or a
 * {@code code<TAB>title} file instead of the built-in subset; {@code CHARTSCRIBE_CPT_PATH} loads a
 * licensed CPT description file. A malformed file stops start-up with its name and line.
 */
@Configuration(proxyBeanMethods = false)
class CodingConfig {

    private static final Logger log = LoggerFactory.getLogger(CodingConfig.class);

    /** Shared by the embedded coder and the LLM engine, which accepts only codes billable in it. */
    @Bean
    Icd10CodeSet icd10CodeSet(@Value("${chartscribe.icd10cm-path:}") String icd10cmPath) {
        return icd10cmPath.isBlank() ? Icd10CodeSetLoader.builtin() : Icd10CodeSetLoader.load(Path.of(icd10cmPath));
    }

    @Bean
    MedicalCoder medicalCoder(Icd10CodeSet icd10, @Value("${chartscribe.cpt-path:}") String cptPath) {
        CptCodeSet cpt = cptPath.isBlank() ? CptCodeSet.builtin() : CptCodeSet.load(Path.of(cptPath));
        log.info("Code sets: icd10cm={}, cpt={}", icd10.label(), cpt.label());
        return new ClinicalCoder(icd10, cpt);
    }
}
