package org.chartscribe.api;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.chartscribe.llm.AzureHttp;
import org.chartscribe.note.llm.ModelAnswers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Azure OpenAI with a Microsoft Entra ID token ({@code CHARTSCRIBE_LLM_AUTH=entra-id}, an app
 * registration's client secret): azure-identity (MSAL) asks the Entra token endpoint for a token for
 * {@code https://cognitiveservices.azure.com/.default} with the OAuth 2.0 client-credentials grant, and
 * every model call, plain and streamed, carries it as {@code Authorization: Bearer}; no {@code api-key}.
 * Both ends are WireMock replaying the documented wire formats: the token endpoint over https (MSAL
 * accepts no other authority) with a certificate made for this run, trusted by the HTTP client the app is
 * given here; the deployment over loopback http. The token and the secret never reach the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(LlmEntraIdIT.TrustTheTestServer.class)
@TestPropertySource(properties = {"logging.level.com.azure=DEBUG", "logging.level.com.microsoft.aad.msal4j=DEBUG"})
class LlmEntraIdIT extends AppTestBase {
    static final TestTls TLS = TestTls.localhost();
    static final WireMockServer ENTRA = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
            .keystorePath(TLS.keystore.toString()).keystoreType("PKCS12").keystorePassword(TestTls.PASSWORD)
            .keyManagerPassword(TestTls.PASSWORD).notifier(new Notifier() {
                @Override
                public void info(String message) {
                }

                @Override
                public void error(String message) {
                }

                @Override
                public void error(String message, Throwable t) {
                }
            }));
    static final WireMockServer AZURE = LlmReplays.start();
    static final String TENANT = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    static final String CLIENT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String SECRET = "entra-secret-Q8~x7hYtRk2vLp9mZ3wN5sD1fG4jK6bC";
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzLmF6dXJlLmNvbSJ9.c2lnbmVk";
    static final String PATH = "/openai/deployments/notes-gpt/chat/completions";
    static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";

    static {
        ENTRA.start();
        // the documented client-credentials answer of the v2.0 token endpoint
        ENTRA.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                                + "\"access_token\":\"" + TOKEN + "\"}")));
    }

    /** The app's azure-core HTTP client, trusting this run's certificate (and nothing else). */
    @TestConfiguration
    static class TrustTheTestServer {
        @Bean
        AzureHttp azureHttpClient() throws SSLException {
            SslContext trustTestCertificate = SslContextBuilder.forClient().trustManager(TLS.certificate.toFile()).build();
            return new AzureHttp(new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
                    .secure(ssl -> ssl.sslContext(trustTestCertificate))).build());
        }
    }

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.llm.provider", () -> "azure-openai");
        registry.add("chartscribe.llm.endpoint", () -> "http://localhost:" + AZURE.port());
        registry.add("chartscribe.llm.auth", () -> "entra-id");
        registry.add("chartscribe.llm.tenant-id", () -> TENANT);
        registry.add("chartscribe.llm.client-id", () -> CLIENT);
        registry.add("chartscribe.llm.client-secret", () -> SECRET);
        registry.add("chartscribe.llm.authority-host", () -> "https://localhost:" + ENTRA.httpsPort() + "/");
        registry.add("chartscribe.llm.model", () -> "notes-gpt");
        registry.add("chartscribe.llm.timeout", () -> "10s");
        registry.add("chartscribe.llm.max-retries", () -> "0");
    }

    @AfterAll
    static void stop() {
        ENTRA.stop();
        AZURE.stop();
    }

    @Test
    void everyModelCallCarriesTheEntraTokenAndTheTokenIsFetchedOnce(CapturedOutput output) {
        AZURE.stubFor(post(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("api-key", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(LlmReplays.completion(ModelAnswers.lowBackPain()))));
        AZURE.stubFor(post(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(String.join("", LlmReplays.azureStreamedChunks(ModelAnswers.lowBackPain(), 24)))));
        String body = Http.json(Map.of("transcript", ModelAnswers.lowBackPainTranscript(), "specialty",
                "nurse_practitioner", "engine", "llm"));

        for (int i = 0; i < 2; i++) {
            Http.Response r = http().postJson("/v1/note", KEY_A, body);
            assertThat(r.status()).as(() -> r.body() + " token endpoint saw: " + ENTRA.getAllServeEvents().stream()
                    .map(e -> e.getRequest().getUrl() + " " + e.getRequest().getBodyAsString()).toList()).isEqualTo(200);
            assertThat(r.json().get("engine").get("name").asText()).isEqualTo("llm");
        }
        SseClient.Result streamed = SseClient.read(SseClient.post(port, KEY_A, body));
        assertThat(streamed.last().name()).as(streamed.events().toString()).isEqualTo("done");

        AZURE.verify(3, postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        ENTRA.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        String tokenRequest = ENTRA.getAllServeEvents().get(0).getRequest().getBodyAsString();
        List<String> form = List.of(java.net.URLDecoder.decode(tokenRequest, java.nio.charset.StandardCharsets.UTF_8).split("&"));
        assertThat(form).contains("grant_type=client_credentials", "client_id=" + CLIENT, "client_secret=" + SECRET);
        // MSAL adds its standard OpenID scopes to the one asked for
        assertThat(form).anySatisfy(p -> assertThat(p).startsWith("scope=").contains("https://cognitiveservices.azure.com/.default"));
        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain(SECRET)
                .doesNotContain(java.net.URLEncoder.encode(SECRET, java.nio.charset.StandardCharsets.UTF_8));
    }
}
