package org.creditflow.release;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.creditflow.scoring.RulesetRole;

import org.springframework.lang.Nullable;

/**
 * The body of {@code POST /api/rulesets/releases} (JSON); a zip upload sends the same
 * fields as form fields beside the file.
 *
 * @param source {@code folder}: the service's rules folder as it is now; {@code version}:
 * a stored version (a rollback, or a challenger's promotion)
 * @param effectiveAt when it goes into service once approved; now if left out (an
 * approval after that date activates at once)
 * @param challengerShare the challenger's share of new applications in percent, 1 to 50;
 * 0 ends the challenge
 */
@Schema(name = "ReleaseRequest")
record ReleaseRequest(@NotNull @Pattern(regexp = "folder|version", message = "must be folder or version") String source,
		@Nullable @Pattern(regexp = "[0-9a-f]{64}",
				message = "must be a ruleset version (64 hexadecimal digits, lower case)") String version,
		@NotBlank @Size(max = 2000) String rationale, @Nullable OffsetDateTime effectiveAt, @Nullable RulesetRole role,
		@Nullable @Min(0) @Max(50) Integer challengerShare) {
}
