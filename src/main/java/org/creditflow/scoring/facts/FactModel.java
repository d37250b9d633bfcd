package org.creditflow.scoring.facts;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.creditflow.application.EmploymentType;
import org.creditflow.application.LoanProduct;
import org.creditflow.application.LoanPurpose;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;

/**
 * Every class the credit rules may name: the facts an assessment hands to the rules, the
 * types of their fields, and what the rules write on. A rule file that names any other
 * application or library class is refused before it is compiled, so a class added here
 * becomes reachable from the rule files; add only plain data and the scoresheet's own
 * methods.
 */
public final class FactModel {

	/** The facts themselves, as rules match them. */
	public static final List<Class<?>> FACTS = List.of(Applicant.class, LoanRequest.class, Affordability.class,
			SupervisoryDsr.class, DataAvailability.class, Policy.class, FinancialProfile.class, TelecomProfile.class,
			Scoresheet.class);

	/** Types of the facts' fields and of what rules write, named in constraints. */
	public static final List<Class<?>> VALUES = List.of(EmploymentType.class, LoanProduct.class, LoanPurpose.class,
			Policy.ProductRange.class, Policy.DsrMethod.class, FinancialProfile.Account.class,
			FinancialProfile.AccountType.class, FinancialProfile.ExistingLoan.class, FinancialProfile.LenderType.class,
			FinancialProfile.LoanKind.class, FinancialProfile.Card.class, ReasonHit.class, ReasonHit.Category.class);

	private static final Set<String> CANONICAL_NAMES = names(Class::getCanonicalName);

	private static final Set<String> SIMPLE_NAMES = names(Class::getSimpleName);

	private FactModel() {
	}

	/**
	 * Whether the class of that name ({@code org.creditflow.mydata.FinancialProfile}) is
	 * in the model.
	 */
	public static boolean containsCanonicalName(String name) {
		return CANONICAL_NAMES.contains(name);
	}

	/** Whether a class of the model has that simple name ({@code FinancialProfile}). */
	public static boolean containsSimpleName(String name) {
		return SIMPLE_NAMES.contains(name);
	}

	public static boolean contains(Class<?> type) {
		return FACTS.contains(type) || VALUES.contains(type);
	}

	private static Set<String> names(Function<Class<?>, String> name) {
		return Stream.concat(FACTS.stream(), VALUES.stream()).map(name).collect(Collectors.toUnmodifiableSet());
	}

}
