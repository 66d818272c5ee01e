package org.chartscribe.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * REST API settings ({@code CHARTSCRIBE_API_*}).
 *
 * @param maxRequestSize largest JSON body accepted; 200,000 characters of transcript fit with room
 *                       for JSON escaping
 */
@ConfigurationProperties(prefix = "chartscribe.api")
public record ApiSettings(@DefaultValue("2MB") DataSize maxRequestSize) {}
