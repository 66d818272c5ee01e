/**
 * Write-back of an approved note to the launching EHR's chart ({@link org.chartscribe.ehr.ChartWriter}),
 * over HAPI's generic client with the user's bearer token. Decisions, and why:
 * <ul>
 *   <li><b>Order and dependencies.</b> DocumentReference first; Conditions ({@code evidence.detail} =
 *       its EHR id), then the Claim (generic) or ChargeItems (oracle); Provenance last. Nothing else is
 *       written while the note is missing (charges or diagnoses without their note would confuse the
 *       chart), and the Provenance waits until everything it describes is there, so it names all of it.</li>
 *   <li><b>Idempotency.</b> Every resource carries a ChartScribe identifier ({@code urn:chartscribe:note},
 *       {@code :condition} = noteId/ICD, {@code :claim} = noteId, {@code :charge-item} = noteId/CPT);
 *       Provenance, which has no identifier in R4, a {@code meta.tag} {@code urn:chartscribe:provenance|noteId}.
 *       Each try searches by it first (for servers that ignore {@code If-None-Exist}; narrowed to the
 *       patient) and then creates conditionally; a retry after a lost answer therefore finds the resource
 *       instead of repeating it. A search the EHR refuses (403 without a search scope, 400 unsupported)
 *       leaves the conditional create as the only guard; an EHR that supports neither can duplicate on
 *       retry, which nothing on the client side can prevent. In this server, write-backs of one note
 *       also run one at a time.</li>
 *   <li><b>Oracle charges</b> go through {@code POST ChargeItem/$create} with a Parameters holding the
 *       ChargeItem as {@code resource} (the FHIR convention for an operation's resource input). Not
 *       checked against an Oracle sandbox (no network here): if Oracle wants the bare ChargeItem as body,
 *       only {@code EhrSession.createChargeItem} changes.</li>
 *   <li><b>The engine as agent</b> is an identifier-only reference ({@code urn:chartscribe:device|name/version}
 *       with a display); no Device is created: the SMART scopes do not grant it and a Device per note
 *       would litter the EHR.</li>
 *   <li><b>Retries</b>: 408, 429, 500, 502, 503, 504 and connection failures, exponential backoff honouring
 *       {@code Retry-After}, bounded by {@link org.chartscribe.ehr.EhrProperties}. Other 4xx are reported
 *       for that resource with status and issue code only (diagnostics may echo the request).</li>
 * </ul>
 */
package org.chartscribe.ehr;
