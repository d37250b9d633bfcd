package org.creditflow.mydata;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MyDataSimulatorTests {

	private final MyDataSimulator simulator = new MyDataSimulator();

	@Test
	void shouldGiveTheSameApplicantTheSameDataEveryTime() {
		ProfileRequest applicant = applicant("010-1234-5670");

		assertThat(this.simulator.fetchFinancial(applicant)).isEqualTo(this.simulator.fetchFinancial(applicant));
		assertThat(this.simulator.fetchTelecom(applicant)).isEqualTo(this.simulator.fetchTelecom(applicant));
	}

	@Test
	void shouldPickThePersonaByTheLastDigitOfThePhoneNumber() {
		assertThat(Persona.forPhone("010-1234-5670")).isEqualTo(Persona.PRIME);
		assertThat(Persona.forPhone("010-1234-5672")).isEqualTo(Persona.THIN_FILE_GOOD_TELECOM);
		assertThat(Persona.forPhone("010-1234-5674")).isEqualTo(Persona.THIN_FILE_BAD_TELECOM);
		assertThat(Persona.forPhone("010-1234-5675")).isEqualTo(Persona.OVER_INDEBTED);
		assertThat(Persona.forPhone("010-1234-5676")).isEqualTo(Persona.DELINQUENT);
		assertThat(Persona.forPhone("010-1234-5678")).isEqualTo(Persona.AVERAGE);
	}

	@Test
	void shouldMakeThinFilersWithoutCreditHistoryButWithAPhoneRecord() {
		FinancialProfile financial = this.simulator.fetchFinancial(applicant("010-1876-5432"));
		TelecomProfile telecom = this.simulator.fetchTelecom(applicant("010-1876-5432"));

		assertThat(financial.thinFile()).isTrue();
		assertThat(financial.loans()).isEmpty();
		assertThat(telecom.monthsOfTenure()).isGreaterThanOrEqualTo(36);
		assertThat(telecom.onTimePaymentPercent()).isGreaterThanOrEqualTo(95);
	}

	@Test
	void shouldMakeDelinquentCustomersInArrearsToday() {
		assertThat(this.simulator.fetchFinancial(applicant("010-1876-5436")).activeDelinquency()).isTrue();
	}

	@Test
	void shouldDrawPeopleWithRealNumbersFromThePopulationOfTheLendingHistory() {
		ProfileRequest person = new ProfileRequest("김민지", LocalDate.of(1990, 4, 12), "010-5555-1234");
		SyntheticApplicant drawn = new Population(MyDataSimulator.TELECOM_SIGNAL).draw(
				MyDataSimulator.seeded(person, "population"),
				Period.between(person.birthDate(), LocalDate.now()).getYears());

		assertThat(this.simulator.fetchFinancial(person)).isEqualTo(drawn.financial());
		assertThat(this.simulator.fetchTelecom(person)).isEqualTo(drawn.telecom());
	}

	@Test
	void shouldKeepDemoNumbersForPersonasAndFaults() {
		assertThat(Persona.isDemoNumber("010-1234-5670")).isTrue();
		assertThat(Persona.isDemoNumber("010-0001-1232")).isTrue();
		assertThat(Persona.isDemoNumber("01019995670")).isTrue();
		assertThat(Persona.isDemoNumber("010-2345-6787")).isFalse();
		assertThat(Persona.isDemoNumber("010-9876-5432")).isFalse();
	}

	private static ProfileRequest applicant(String phone) {
		return new ProfileRequest("김민지", LocalDate.of(1990, 4, 12), phone);
	}

}
