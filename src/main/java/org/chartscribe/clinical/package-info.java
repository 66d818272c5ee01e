/**
 * Clinical extractors: pure, stateless functions from encounter text to structured facts, each
 * with exact {@code [start, end)} offsets into the text given. Plain Java (no framework, no I/O
 * besides the package's own lexicon resources, no logging).
 *
 * <p>Entry point: {@link org.chartscribe.clinical.ClinicalExtractor#extract(org.chartscribe.transcript.Transcript)}
 * (clinician turns only for diagnostic phrases and plan items) or
 * {@link org.chartscribe.clinical.ClinicalExtractor#extract(String)} (a dictation). The
 * {@link org.chartscribe.clinical.Extraction} holds immutable records:
 * <ul>
 *   <li>{@link org.chartscribe.clinical.Vital}: BP, HR, RR, temperature, SpO2, weight, height, BMI,
 *       pain 0-10, spoken numbers normalised ("one forty over ninety" = 140/90);</li>
 *   <li>{@link org.chartscribe.clinical.Medication}: generic name (brands mapped), dose, unit,
 *       route, frequency, status (started, stopped, changed, continued, not taking, mentioned);</li>
 *   <li>{@link org.chartscribe.clinical.Allergy}: substance and reactions, or "no known allergies";</li>
 *   <li>{@link org.chartscribe.clinical.Finding}: symptoms and findings with an
 *       {@link org.chartscribe.clinical.Assertion} (negated, uncertain, historical, family,
 *       hypothetical, asked) and body site;</li>
 *   <li>{@link org.chartscribe.clinical.BodySite} with laterality, {@link org.chartscribe.clinical.TimeExpression}
 *       (durations, "... ago", "since ..."), {@link org.chartscribe.clinical.TestResult} (labs and imaging);</li>
 *   <li>{@link org.chartscribe.clinical.Diagnosis}: the clinician's impressions and named conditions,
 *       with the same Assertion flags (for coding: skip negated and family, treat uncertain with care);</li>
 *   <li>{@link org.chartscribe.clinical.PlanItem}: medication changes, lab and imaging orders,
 *       referrals, follow-up intervals, education.</li>
 * </ul>
 *
 * <p>Lexicons are data written for this project under {@code src/main/resources/clinical/}
 * ({@code drugs.tsv}, {@code findings.tsv}, {@code body-sites.tsv}, {@code conditions.tsv},
 * {@code tests.tsv}); {@link org.chartscribe.clinical.DrugLexicon} is public for other checkers.
 */
package org.chartscribe.clinical;
