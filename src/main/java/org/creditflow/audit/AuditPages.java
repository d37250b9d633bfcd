package org.creditflow.audit;

import java.util.Map;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The auditors' web pages ({@code static/audit/}): search, an application's timeline, its
 * path on the BPMN diagram, its decisions, replay, exports, the chain check. They call
 * the audit API with the browser's session; access is checked by Spring Security
 * ({@code /audit/**} for auditors and admins).
 */
@Controller
class AuditPages {

	@GetMapping({ "/audit", "/audit/" })
	String index() {
		return "forward:/audit/index.html";
	}

	/** The session's CSRF token, which the pages send with their one POST (replay). */
	@GetMapping("/audit/csrf")
	@ResponseBody
	Map<String, String> csrf(CsrfToken token) {
		return Map.of("header", token.getHeaderName(), "token", token.getToken());
	}

}
