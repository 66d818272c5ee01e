package org.chartscribe.smart.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal stand-in for the EHR's FHIR read API (Patient, Encounter, Practitioner by id) on a random
 * loopback port, for the banner. It checks the bearer token, and can be made to fail. The real FHIR
 * server of the end-to-end test lives in org.chartscribe.testehr.
 */
public final class FakeEhrFhir implements AutoCloseable {
    public static final String PATIENT_ID = "pat-1001";
    public static final String ENCOUNTER_ID = "enc-2002";
    public static final String PRACTITIONER_ID = "prac-3003";
    /** Fictitious. */
    public static final String PATIENT_NAME = "Avery Quinn Testpatient";
    public static final String BIRTH_DATE = "1984-03-09";

    private final HttpServer server;
    private final Map<String, String> resources = new ConcurrentHashMap<>();
    private volatile boolean down;

    public FakeEhrFhir() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resources.put("Patient/" + PATIENT_ID, """
                {"resourceType":"Patient","id":"%s","name":[{"use":"official","family":"Testpatient","given":["Avery","Quinn"]}],
                 "birthDate":"%s"}""".formatted(PATIENT_ID, BIRTH_DATE));
        resources.put("Encounter/" + ENCOUNTER_ID, """
                {"resourceType":"Encounter","id":"%s","status":"in-progress",
                 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB","display":"ambulatory"},
                 "type":[{"text":"Office visit"}],"subject":{"reference":"Patient/%s"},
                 "period":{"start":"2026-12-03T09:30:00Z"}}""".formatted(ENCOUNTER_ID, PATIENT_ID));
        resources.put("Practitioner/" + PRACTITIONER_ID, """
                {"resourceType":"Practitioner","id":"%s","name":[{"family":"Rivera","given":["Sam"],"prefix":["Dr."]}]}"""
                .formatted(PRACTITIONER_ID));
        server.createContext("/fhir/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    /** While down, every read answers 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/fhir/".length());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (down) {
                send(exchange, 503, outcome("unavailable"));
            } else if (!("Bearer " + FakeSmartSessions.ACCESS_TOKEN).equals(auth)) {
                send(exchange, 401, outcome("login"));
            } else if (resources.containsKey(path)) {
                send(exchange, 200, resources.get(path));
            } else {
                send(exchange, 404, outcome("not-found"));
            }
        }
    }

    private static String outcome(String code) {
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code + "\"}]}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
