package org.creditflow.callback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureTests {

	@Test
	void shouldSignTheTimestampAndBodyAsAPartnersOpenSslWouldCheckIt() {
		// echo -n '1700000000.{"status":"APPROVED"}' | openssl dgst -sha256 -hmac
		// whsec_test
		assertThat(Signature.sign("whsec_test", 1700000000L, "{\"status\":\"APPROVED\"}"))
			.isEqualTo("sha256=dd6c0179873fc23f1777b4a079554b65e7d3d5c040f452a1a707aed865e004f8");
	}

	@Test
	void shouldSignADifferentTimestampDifferently() {
		// a notification replayed with a new timestamp does not verify
		assertThat(Signature.sign("whsec_test", 1700000001L, "{\"status\":\"APPROVED\"}"))
			.isNotEqualTo(Signature.sign("whsec_test", 1700000000L, "{\"status\":\"APPROVED\"}"));
	}

}
