package org.creditflow.portfolio;

import org.creditflow.web.UploadLimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class PortfolioConfiguration {

	static final String IMPORT_PATH = "/api/loans/performance";

	/** A month's feed for a large book: about 80 bytes a row. */
	@Bean
	UploadLimit performanceUploadLimit() {
		return new UploadLimit(HttpMethod.POST, IMPORT_PATH, MediaType.valueOf("text/csv"), DataSize.ofMegabytes(20));
	}

}
