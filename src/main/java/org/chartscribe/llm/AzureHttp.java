package org.chartscribe.llm;

import com.azure.core.http.HttpClient;

/**
 * The azure-core HTTP client Azure OpenAI's calls and their Entra ID token requests go through, when the
 * application supplies one as a bean (a proxy, or a test's trust of its own TLS server); without it the
 * default client with the configured timeouts is used. Wrapped so that only this package names azure-core.
 */
public record AzureHttp(HttpClient client) {}
