package org.creditflow.mydata;

import java.time.LocalDate;

/**
 * Who the built-in MyData simulator takes a person for, when their phone number is no
 * demo number: the draw from the population its bank and phone data come from. A demo's
 * applicant stream reads it to declare what that person would (income, loan, consents),
 * so the applications it sends are the population's applicants, whole.
 */
public final class SimulatedPeople {

	private static final MyDataSimulator SIMULATOR = new MyDataSimulator();

	private SimulatedPeople() {
	}

	/** The simulator's draw for that person, at the default telecom signal. */
	public static SyntheticApplicant person(String name, LocalDate birthDate, String phone) {
		if (Persona.isDemoNumber(phone)) {
			throw new IllegalArgumentException(phone + " is a demo number: the simulator answers with a persona");
		}
		return SIMULATOR.drawn(new ProfileRequest(name, birthDate, phone));
	}

}
