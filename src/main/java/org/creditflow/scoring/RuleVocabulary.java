package org.creditflow.scoring;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.creditflow.scoring.facts.FactModel;

/**
 * What rule code may name, for {@link RuleCodePolicy}: types from an allowlist, and no
 * member from a list of those that reach reflection, class loading, processes, threads,
 * the engine or system properties.
 */
final class RuleVocabulary {

	/** The {@code java.lang} types rules may use; all are values or pure functions. */
	static final Set<String> JAVA_LANG_TYPES = Set.of("String", "Boolean", "Character", "Byte", "Short", "Integer",
			"Long", "Float", "Double", "Number", "Math", "StrictMath");

	/** Every type in these packages is a value or a pure function. */
	private static final Pattern OPEN_PACKAGES = Pattern.compile("java\\.math|java\\.time(\\.[a-z]+)?");

	/** Refused wherever they stand: they reach past the facts. */
	static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "class", "forName", "getClassLoader",
			"getSystemClassLoader", "getPlatformClassLoader", "getContextClassLoader", "loadClass", "defineClass",
			"newInstance", "getDeclaredMethod", "getDeclaredMethods", "getMethod", "getMethods", "getDeclaredField",
			"getDeclaredFields", "getField", "getFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
			"getDeclaredConstructors", "getDeclaringClass", "getEnclosingClass", "getSuperclass", "getModule",
			"getRecordComponents", "invoke", "invokeExact", "invokeWithArguments", "setAccessible", "trySetAccessible",
			"exec", "exit", "halt", "load", "loadLibrary", "getRuntime", "wait", "notify", "notifyAll", "getInteger",
			"getLong", "getBoolean", "getenv", "getProperty", "getProperties", "setProperty");

	/**
	 * The same getters as MVEL properties ({@code x.classLoader} is
	 * {@code x.getClassLoader()}), refused after a dot.
	 */
	static final Set<String> FORBIDDEN_PROPERTIES = FORBIDDEN_MEMBERS.stream()
		.filter((name) -> name.matches("get[A-Z].*"))
		.map((name) -> Character.toLowerCase(name.charAt(3)) + name.substring(4))
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * Variables the engine puts beside the rule's own code (consequence, accumulate,
	 * MVEL): they reach the session and the rule base. {@code drools} and
	 * {@code kcontext} are allowed as {@code getRule()} only, {@code rule} only as the
	 * keyword.
	 */
	static final Set<String> ENGINE_VARIABLES = Set.of("consequenceCtx", "valueResolver", "handle", "innerDeclarations",
			"snapshot");

	/**
	 * Rule packages: never a Java package, whose classes the rules would see by their
	 * simple names.
	 */
	static final Set<String> RULE_PACKAGE_ROOTS = Set.of("credit", "creditflow");

	static final String WHAT_RULES_MAY_USE = "rules may use the facts ("
			+ FactModel.FACTS.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
			+ " and their field types), types declared in the file, "
			+ "String, Boolean, Character, Byte, Short, Integer, Long, Float, Double, Number, Math, StrictMath, "
			+ "and java.math and java.time";

	private RuleVocabulary() {
	}

	/** A type by its qualified name: {@code java.math.BigDecimal}. */
	static boolean isAllowedType(String qualifiedName) {
		int dot = qualifiedName.lastIndexOf('.');
		if (dot < 0) {
			return false;
		}
		String packageName = qualifiedName.substring(0, dot);
		String simpleName = qualifiedName.substring(dot + 1);
		return FactModel.containsCanonicalName(qualifiedName)
				|| (packageName.equals("java.lang") && JAVA_LANG_TYPES.contains(simpleName))
				|| (OPEN_PACKAGES.matcher(packageName).matches() && !simpleName.isEmpty()
						&& Character.isUpperCase(simpleName.charAt(0)));
	}

	/**
	 * How many names of {@code a.b.C.d} make an allowed type ({@code a.b.C}: 3), or 0.
	 */
	static int allowedTypePrefix(List<String> names) {
		for (int length = 2; length <= names.size(); length++) {
			if (isAllowedType(String.join(".", names.subList(0, length)))) {
				return length;
			}
		}
		return 0;
	}

	/**
	 * Whether a simple type name may be used, given the allowed types the file imports
	 * and declares. A name that {@code java.lang} also has is allowed only when it is one
	 * of {@link #JAVA_LANG_TYPES}: which of the two a name means depends on the package
	 * it is read in, so it must not matter.
	 */
	static boolean isAllowedSimpleName(String name, Set<String> imported, Set<String> declared) {
		if (JAVA_LANG_TYPES.contains(name)) {
			return true;
		}
		return !isJavaLangType(name)
				&& (FactModel.containsSimpleName(name) || imported.contains(name) || declared.contains(name));
	}

	/**
	 * Looks for the class file, which loads nothing: {@code .class} resources of
	 * {@code java.base} are open to every module.
	 */
	static boolean isJavaLangType(String simpleName) {
		return Object.class.getResource(simpleName + ".class") != null;
	}

}
