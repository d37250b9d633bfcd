package org.creditflow.backtest;

import org.creditflow.web.UploadLimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The lending-history upload ({@code POST /api/backtests} with {@code text/csv}) is the
 * one request allowed a body beyond the service-wide limit.
 */
@Configuration(proxyBeanMethods = false)
class BacktestConfiguration {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Bean
	UploadLimit backtestUploadLimit(BacktestProperties properties) {
		return new UploadLimit(HttpMethod.POST, "/api/backtests", CSV, properties.maxUpload());
	}

}
