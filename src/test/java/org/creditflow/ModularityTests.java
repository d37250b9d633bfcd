package org.creditflow;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules talk only through each other's public API: no cycles, no reaching into
 * another module's internals.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CreditflowApplication.class);

	@Test
	void shouldKeepModuleBoundaries() {
		this.modules.verify();
	}

	/** Keeps the module diagrams in docs/modules/ in step with the code. */
	@Test
	void shouldDocumentModules() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
