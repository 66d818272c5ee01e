package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chartscribe.FuzzBudget;
import org.chartscribe.fhir.FhirRequestException;
import org.chartscribe.fhir.GenerateSoapParameters;
import org.chartscribe.fhir.InvocationTarget;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;

/**
 * The body of {@code $generate-soap} from bytes to a request: HAPI's JSON (or XML) parser on the context
 * {@link FhirServerConfig} configures, the duplicate-property scan, and {@link GenerateSoapParameters} at
 * the three levels it is invoked on. Only what is answered 4xx may escape: {@link DataFormatException}
 * (HAPI turns it into its 400, {@link FhirErrorInterceptor} into an OperationOutcome), another exception
 * from inside HAPI's parser (the interceptor's 400 for a body it cannot bind) and
 * {@link FhirRequestException}; anything else would be the interceptor's 500.
 * Seeds: FhirParametersFuzzTestInputs/parseParameters/ (JSON and XML files).
 */
class FhirParametersFuzzTest {
    private static final FhirContext FHIR = warmedUp(new FhirServerConfig().fhirContext());
    private static final List<InvocationTarget> TARGETS = List.of(new InvocationTarget.System(),
            new InvocationTarget.OnPatient("p1"), new InvocationTarget.OnEncounter("e1"));

    @DictionaryEntries({"\"resourceType\"", "\"Parameters\"", "\"parameter\"", "\"name\"", "\"valueString\"", "\"valueCode\"",
            "\"valueBoolean\"", "\"valueReference\"", "\"reference\"", "\"valueAttachment\"", "\"part\"", "\"resource\"",
            "\"transcript\"", "\"specialty\"", "\"template\"", "\"dialect\"", "\"patient\"", "\"encounter\"", "\"writeBack\"",
            "\"extension\"", "\"url\"", "\"_valueString\"", "\"contained\"", "Patient/", "Encounter/", "http://",
            "<Parameters xmlns=\"http://hl7.org/fhir\">", "<valueString value=\""})
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void parseParameters(byte[] body) throws Exception {
        FuzzBudget.inTime(() -> parseParametersOnce(body));
    }

    private static void parseParametersOnce(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        boolean xml = text.stripLeading().startsWith("<");
        IParser parser = xml ? FHIR.newXmlParser() : FHIR.newJsonParser();
        IBaseResource resource;
        try {
            resource = parser.parseResource(text);
        } catch (DataFormatException notFhir) {
            return;
        } catch (RuntimeException parserCrash) {
            // HAPI's parser failing otherwise: answered 400 only because FhirErrorInterceptor recognises it as a
            // failure inside the parser while the request body is bound (it was a 500 before).
            assertThat(FhirErrorInterceptor.isParserCrash(parserCrash)).as("thrown inside HAPI's parser: %s",
                    parserCrash.getClass().getName()).isTrue();
            return;
        }
        if (!(resource instanceof Parameters parameters)) {
            return; // answered 400 "must be a FHIR Parameters resource"
        }
        if (FhirJsonDuplicates.hasDuplicate(xml ? "application/fhir+xml" : "application/fhir+json", body)) {
            return; // answered 400
        }
        for (InvocationTarget target : TARGETS) {
            try {
                GenerateSoapParameters.parse(parameters, target);
            } catch (FhirRequestException refused) {
                // answered 400 or 422 with the issues
            }
        }
    }

    /** The first parse loads HAPI's model classes (seconds, more when instrumented): not charged to an input. */
    private static FhirContext warmedUp(FhirContext fhir) {
        fhir.newJsonParser().parseResource("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"a\",\"valueString\":\"b\"}]}");
        fhir.newXmlParser().parseResource("<Parameters xmlns=\"http://hl7.org/fhir\"><parameter><name value=\"a\"/></parameter></Parameters>");
        return fhir;
    }
}
