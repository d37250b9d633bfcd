package org.creditflow.release;

import java.util.Map;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The risk team's web pages ({@code static/risk/}): the rulesets in service, the
 * candidate in the rules folder, the releases with their impact, a release's submission,
 * and champion against challenger. They call the rulesets and releases API with the
 * browser's session; access is checked by Spring Security ({@code /risk/**} for risk
 * analysts, risk managers and admins). Approval stays in Tasklist.
 */
@Controller
class RiskPages {

	@GetMapping({ "/risk", "/risk/" })
	String index() {
		return "forward:/risk/index.html";
	}

	/** The session's CSRF token, which the pages send with their one POST (a release). */
	@GetMapping("/risk/csrf")
	@ResponseBody
	Map<String, String> csrf(CsrfToken token) {
		return Map.of("header", token.getHeaderName(), "token", token.getToken());
	}

}
