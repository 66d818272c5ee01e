package org.chartscribe.fhir.server;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.chartscribe.fhir.SharedValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;

/** HAPI generic clients (with or without an API key) and raw HTTP for what a generic client cannot send. */
final class FhirClients {
    private static final HttpClient RAW = HttpClient.newHttpClient();

    static {
        SharedValidator.FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // an inline recording is recognised while the client waits; the embedded model loads at first use
        SharedValidator.FHIR.getRestfulClientFactory().setSocketTimeout(180_000);
    }

    private FhirClients() {}

    static IGenericClient client(int port, String apiKey) {
        IGenericClient client = SharedValidator.FHIR.newRestfulGenericClient(base(port));
        if (apiKey != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(apiKey));
        }
        return client;
    }

    static String base(int port) {
        return "http://localhost:" + port + "/fhir";
    }

    static Parameters withTranscript(String transcript) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("transcript").setValue(new StringType(transcript));
        return parameters;
    }

    static String transcript(String fixture) {
        try (InputStream in = FhirClients.class.getResourceAsStream("/fixtures/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Raw(int status, String contentType, String body, HttpHeaders headers) {
        String allow() {
            return headers.firstValue("Allow").orElse("");
        }

        String wwwAuthenticate() {
            return headers.firstValue("WWW-Authenticate").orElse("");
        }
    }

    static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create(base(port) + path)).timeout(Duration.ofSeconds(60));
    }

    static Raw post(int port, String path, String apiKey, String contentType, String body) {
        HttpRequest.Builder request = request(port, path)
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.build());
    }

    static Raw send(HttpRequest request) {
        try {
            HttpResponse<String> response = RAW.send(request, HttpResponse.BodyHandlers.ofString());
            return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All validation errors of the resources, against base R4 + our profiles, and US Core 6.1.0 when present. */
    static List<String> validationErrors(IBaseResource resource) {
        List<String> errors = new java.util.ArrayList<>();
        errors.addAll(SharedValidator.baseOnly().errors(resource).stream().map(m -> "base " + m.getLocationString() + ": " + m.getMessage()).toList());
        if (SharedValidator.usCoreAvailable()) {
            errors.addAll(SharedValidator.usCore().errors(resource).stream().map(m -> "us-core " + m.getLocationString() + ": " + m.getMessage()).toList());
        }
        return errors;
    }
}
