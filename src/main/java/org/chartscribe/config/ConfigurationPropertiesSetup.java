package org.chartscribe.config;

import org.chartscribe.smart.SmartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ChartScribeProperties.class, SmartProperties.class})
class ConfigurationPropertiesSetup {}
