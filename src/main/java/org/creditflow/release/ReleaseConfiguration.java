package org.creditflow.release;

import org.creditflow.web.UploadLimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ReleaseConfiguration {

	/**
	 * A zipped rules folder: far above today's, and within Spring's multipart limit (1
	 * MB).
	 */
	@Bean
	UploadLimit releaseUploadLimit() {
		return new UploadLimit(HttpMethod.POST, "/api/rulesets/releases", MediaType.MULTIPART_FORM_DATA,
				DataSize.ofMegabytes(1));
	}

}
