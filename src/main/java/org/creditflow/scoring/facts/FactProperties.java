package org.creditflow.scoring.facts;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;

import org.springframework.lang.Nullable;

/**
 * The single values a rule can read off the facts that describe an application, named as
 * a rule names them: {@code TelecomProfile.monthsOfTenure},
 * {@code FinancialProfile.cardUtilizationPercent}. A scorecard fitted on columns of these
 * names can be written as rules that read the same values.
 */
public final class FactProperties {

	/**
	 * The facts that describe the applicant and the request (not the policy or the
	 * sheet).
	 */
	static final List<Class<?>> DESCRIBING = List.of(Applicant.class, LoanRequest.class, Affordability.class,
			DataAvailability.class, FinancialProfile.class, TelecomProfile.class);

	private static final Set<String> NOT_PROPERTIES = Set.of("hashCode", "toString");

	/** Every property, fact by fact in the order above, then by name. */
	public static final List<Property> ALL = DESCRIBING.stream()
		.flatMap((fact) -> Arrays.stream(fact.getDeclaredMethods())
			.filter(FactProperties::isProperty)
			.sorted(Comparator.comparing(Method::getName))
			.map((method) -> new Property(fact, method)))
		.toList();

	private FactProperties() {
	}

	/**
	 * The property of that name ({@code TelecomProfile.monthsOfTenure}), if there is one.
	 */
	public static Optional<Property> named(String qualifiedName) {
		return ALL.stream().filter((property) -> property.qualifiedName().equals(qualifiedName)).findFirst();
	}

	private static boolean isProperty(Method method) {
		return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
				&& method.getParameterCount() == 0 && !NOT_PROPERTIES.contains(method.getName())
				&& isSingleValue(method.getReturnType());
	}

	private static boolean isSingleValue(Class<?> type) {
		return (type.isPrimitive() && type != void.class) || Number.class.isAssignableFrom(type)
				|| type == Boolean.class || type == String.class || type.isEnum();
	}

	/**
	 * One readable value of a fact.
	 *
	 * @param fact the fact's class, as rules match it
	 */
	public record Property(Class<?> fact, Method accessor) {

		/** The property as a rule's constraint names it: {@code monthsOfTenure}. */
		public String name() {
			return this.accessor.getName();
		}

		/** {@code TelecomProfile.monthsOfTenure}. */
		public String qualifiedName() {
			return this.fact.getSimpleName() + "." + name();
		}

		/**
		 * Numbers have an order a scorecard's bins follow; flags, codes and texts do not.
		 */
		public boolean ordinal() {
			Class<?> type = this.accessor.getReturnType();
			return (type.isPrimitive() && type != boolean.class) || Number.class.isAssignableFrom(type);
		}

		/** Whether it may have no value ({@code @Nullable}, as the fact declares it). */
		public boolean nullable() {
			return this.accessor.isAnnotationPresent(Nullable.class);
		}

		/** Whether a constraint compares it with a quoted text (codes and texts). */
		public boolean textual() {
			Class<?> type = this.accessor.getReturnType();
			return type == String.class || type.isEnum();
		}

		/**
		 * Its value in that fact; null when the fact has none (or no such fact exists).
		 */
		@Nullable
		public Object valueIn(@Nullable Object fact) {
			if (fact == null) {
				return null;
			}
			try {
				return this.accessor.invoke(fact);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("Cannot read " + qualifiedName(), ex);
			}
		}

		/** Its value among an assessment's facts. */
		@Nullable
		public Object valueAmong(List<Object> facts) {
			return valueIn(facts.stream().filter(this.fact::isInstance).findFirst().orElse(null));
		}

		/** A value as a CSV cell: numbers plain, flags 1/0, missing empty. */
		public static String cell(@Nullable Object value) {
			if (value == null) {
				return "";
			}
			if (value instanceof Boolean flag) {
				return flag ? "1" : "0";
			}
			if (value instanceof BigDecimal decimal) {
				return decimal.toPlainString();
			}
			return value.toString();
		}

	}

}
