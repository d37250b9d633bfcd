package org.creditflow.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each hash carries its iteration count, so raising the count keeps older hashes
 * verifiable and marks them for an upgrade. (Counts below the service's 600,000 keep this
 * unit test quick; the service's own hashes are tested in SignInAttackTests.)
 */
class Pbkdf2PasswordEncryptorTests {

	private final Pbkdf2PasswordEncryptor today = new Pbkdf2PasswordEncryptor(100_000);

	@Test
	void shouldSaltEachHashAndVerifyOnlyTheRightPassword() {
		String first = this.today.encrypt("Secret-Pass-1");
		String second = this.today.encrypt("Secret-Pass-1");

		assertThat(first).startsWith("100000:").isNotEqualTo(second);
		assertThat(this.today.check("Secret-Pass-1", first)).isTrue();
		assertThat(this.today.check("Secret-Pass-2", first)).isFalse();
	}

	@Test
	void shouldStillVerifyAHashOfFewerIterationsAndCallItOutdated() {
		String older = this.today.encrypt("Secret-Pass-1");
		Pbkdf2PasswordEncryptor raised = new Pbkdf2PasswordEncryptor(200_000);

		assertThat(raised.check("Secret-Pass-1", older)).isTrue();
		assertThat(raised.isOutdated(Pbkdf2PasswordEncryptor.PREFIX + older)).isTrue();
		assertThat(this.today.isOutdated(Pbkdf2PasswordEncryptor.PREFIX + older)).isFalse();
		assertThat(this.today.isOutdated("{SHA-512}c29tZWhhc2g=")).isTrue();
	}

	@Test
	void shouldRefuseAMalformedHashInsteadOfFailing() {
		assertThat(this.today.check("Secret-Pass-1", "no-iterations")).isFalse();
		assertThat(this.today.check("Secret-Pass-1", "many:abc")).isFalse();
	}

}
