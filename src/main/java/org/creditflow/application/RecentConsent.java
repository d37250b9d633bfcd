package org.creditflow.application;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A consent time that is neither in the future nor older than
 * {@code creditflow.intake.consent-max-age}: a consent from the future was not given, and
 * a stale one no longer shows what the applicant agrees to now.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RecentConsent.Check.class)
@interface RecentConsent {

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Created by Spring's validator factory, with the clock and the intake's settings.
	 */
	class Check implements ConstraintValidator<RecentConsent, OffsetDateTime> {

		private final Clock clock;

		private final IntakeProperties properties;

		Check(Clock clock, IntakeProperties properties) {
			this.clock = clock;
			this.properties = properties;
		}

		@Override
		public boolean isValid(OffsetDateTime grantedAt, ConstraintValidatorContext context) {
			if (grantedAt == null) {
				return true;
			}
			OffsetDateTime now = OffsetDateTime.now(this.clock);
			String problem = null;
			if (grantedAt.isAfter(now.plus(this.properties.clockSkew()))) {
				problem = "must not be in the future";
			}
			else if (grantedAt.isBefore(now.minus(this.properties.consentMaxAge()))) {
				problem = "must be within the last " + this.properties.consentMaxAge().toDays()
						+ " days: ask the applicant to consent again";
			}
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

	}

}
