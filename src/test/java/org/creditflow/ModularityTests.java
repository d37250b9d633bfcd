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

	/**
	 * Draws the module diagrams from the code into {@code target/modules/}; copy them to
	 * {@code docs/modules/} on purpose when the modules change.
	 */
	@Test
	void shouldDocumentModules() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
