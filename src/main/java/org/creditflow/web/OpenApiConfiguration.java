package org.creditflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}, shown by Swagger UI at
 * {@code /swagger-ui.html}.
 */
@Configuration
class OpenApiConfiguration {

	@Bean
	OpenAPI creditflowOpenApi() {
		return new OpenAPI()
			.info(new Info().title("creditflow API")
				.version("v1")
				.description("Loan applications judged on financial and telecom MyData. Errors are "
						+ "application/problem+json (RFC 9457) and list every invalid field in `errors`."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
	}

}
