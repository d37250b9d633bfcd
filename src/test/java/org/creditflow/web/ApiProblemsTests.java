package org.creditflow.web;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiProblemsTests {

	@RestController
	static class Failing {

		@GetMapping("/busy")
		String busy() {
			throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
		}

		@GetMapping("/raced")
		String raced() {
			throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[1]' failed");
		}

		@GetMapping("/broken")
		String broken() {
			throw new IllegalStateException("a bug with internal details");
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ApiProblems())
		.build();

	@Test
	void shouldAskToRetryWhenNoDatabaseConnectionIsFree() throws Exception {
		this.mvc.perform(get("/busy"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "2"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void shouldAskToSendAgainWhatLostARaceWithAnotherChange() throws Exception {
		this.mvc.perform(get("/raced"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Send the request again")));
	}

	@Test
	void shouldNotLeakInternalsOfAnUnexpectedFailure() throws Exception {
		this.mvc.perform(get("/broken"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.detail").value("The request failed on the server; nothing was changed."));
	}

}
