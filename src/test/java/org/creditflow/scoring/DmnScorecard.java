package org.creditflow.scoring;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.Variable;
import org.creditflow.mydata.FinancialProfile;
import org.creditflow.mydata.TelecomProfile;
import org.creditflow.scoring.facts.Policy;

/**
 * The segment, score, PD and grade of the default ruleset as Camunda DMN decisions in
 * FEEL, evaluated by Camunda's DMN engine: what a Camunda user would model, for the
 * benchmarks to compare Drools with. The model is generated with the DMN model API from
 * the scorecard table ({@code credit/scorecards.drl.csv}) and the scale and master scale
 * of {@code policy.properties}, so it cannot drift from the rules; {@link #xml()} shows
 * it (without diagram coordinates).
 * <p>
 * The design is the one the Camunda documentation leads to, a decision requirements graph
 * of small tables:
 * <ul>
 * <li>{@code Segment}: a table (hit policy UNIQUE) on whether bank and telecom data are
 * there and whether the applicant is a thin filer; written by hand from
 * {@code credit/segments.drl}, as the hand-written Java is.</li>
 * <li>One table per characteristic ({@code Points_FinancialProfile_bureauScore}, ...),
 * hit policy UNIQUE, with the segment and the characteristic as inputs and one row per
 * bin of the scorecard table, like its rows. UNIQUE rather than COLLECT SUM because a
 * value falls in exactly one bin: the engine then also refuses overlapping bins, which a
 * risk analyst editing a table would want. A last row gives 0 points in the segments
 * whose scorecard does not use the characteristic, so every table answers.</li>
 * <li>{@code Score}: a FEEL literal expression, the sum of the points kept within 1 to
 * 1000; {@code PD}: the policy's odds scale in FEEL ({@code **}); {@code Grade}: a UNIQUE
 * table on the PD with a row per grade of the master scale.</li>
 * <li>{@code Assessment}: a FEEL context of segment, score, PD and grade, because the
 * engine returns only the result of the decision it is asked for.</li>
 * </ul>
 * The facts reach FEEL as one context per fact type ({@code FinancialProfile},
 * {@code TelecomProfile}, {@code Affordability}; null when absent) holding the properties
 * the tables read, as a process would pass them as variables. Reason codes are left out:
 * a DMN table could carry them as a second output, but this one computes what the
 * hand-written Java does.
 */
final class DmnScorecard {

	private static final String NAMESPACE = "https://creditflow.org/dmn/scorecard";

	private static final List<String> SEGMENTS = List.of("FULL_FILE", "THIN_FILE", "FINANCIAL_ONLY");

	private final DmnModelInstance model;

	private final DmnEngine engine;

	private final DmnDecision assessment;

	private final Map<Class<?>, List<Method>> inputs = new LinkedHashMap<>();

	DmnScorecard(List<RuleFile> files, Policy policy) {
		List<ScorecardTable.Bin> bins = ScorecardTable.bins(files);
		this.model = new ModelWriter().write(bins, policy);
		Dmn.validateModel(this.model);
		this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		this.assessment = this.engine.parseDecision("Assessment", this.model);
		this.inputs.put(FinancialProfile.class,
				new ArrayList<>(List.of(ScorecardTable.accessor(FinancialProfile.class, "thinFile"))));
		this.inputs.put(TelecomProfile.class, new ArrayList<>());
		for (ScorecardTable.Bin bin : bins) {
			List<Method> accessors = this.inputs.computeIfAbsent(bin.factType(), (type) -> new ArrayList<>());
			if (!accessors.contains(bin.characteristic())) {
				accessors.add(bin.characteristic());
			}
		}
	}

	Result score(Collection<?> facts) {
		Map<String, Object> variables = new HashMap<>();
		this.inputs.forEach((type, accessors) -> variables.put(type.getSimpleName(), context(facts, type, accessors)));
		Map<String, Object> result = this.engine.evaluateDecision(this.assessment, variables).getSingleEntry();
		Number score = (Number) result.get("score");
		Number pd = (Number) result.get("pd");
		return new Result((String) result.get("segment"), (score != null) ? score.intValue() : null,
				(pd != null) ? pd.doubleValue() : null, (String) result.get("grade"));
	}

	/** The generated model as DMN XML. */
	String xml() {
		return Dmn.convertToString(this.model);
	}

	private static Map<String, Object> context(Collection<?> facts, Class<?> type, List<Method> accessors) {
		for (Object fact : facts) {
			if (type.isInstance(fact)) {
				Map<String, Object> context = new HashMap<>();
				for (Method accessor : accessors) {
					try {
						context.put(accessor.getName(), accessor.invoke(fact));
					}
					catch (ReflectiveOperationException ex) {
						throw new IllegalStateException(ex);
					}
				}
				return context;
			}
		}
		return null;
	}

	record Result(String segment, Integer score, Double pd, String grade) {
	}

	/** Writes the decision requirements graph with the DMN model API. */
	private static final class ModelWriter {

		private final DmnModelInstance model = Dmn.createEmptyModel();

		private final Definitions definitions = this.model.newInstance(Definitions.class);

		private int ids;

		DmnModelInstance write(List<ScorecardTable.Bin> bins, Policy policy) {
			this.definitions.setId("Definitions_Scorecard");
			this.definitions.setName("Scorecard");
			this.definitions.setNamespace(NAMESPACE);
			this.model.setDefinitions(this.definitions);
			this.definitions.getDomElement().registerNamespace("camunda", DmnModelConstants.CAMUNDA_NS);
			Decision segment = segment();
			Map<String, List<ScorecardTable.Bin>> characteristics = bins.stream()
				.collect(Collectors.groupingBy((bin) -> bin.factType().getSimpleName() + "." + bin.property(),
						LinkedHashMap::new, Collectors.toList()));
			List<Decision> points = new ArrayList<>();
			Set<String> outputs = new LinkedHashSet<>();
			characteristics.forEach((characteristic, itsBins) -> {
				String output = itsBins.get(0).property() + "Points";
				if (!outputs.add(output)) {
					throw new IllegalArgumentException("Two characteristics named " + itsBins.get(0).property());
				}
				points.add(points(characteristic, output, itsBins, segment));
			});
			Decision score = literal("Score", "score", "integer",
					"if segment = null then null else min(1000, max(1, " + String.join(" + ", outputs) + "))", segment);
			points.forEach((table) -> requires(score, table));
			Policy.RiskScale risk = policy.risk();
			Decision pd = literal("PD", "pd", "double", "if score = null then null else 100 / (1 + " + risk.scoreOdds()
					+ " * 2 ** ((score - " + policy.scoreBase() + ") / " + risk.scorePdo() + "))", score);
			Decision grade = grade(risk.gradePdMaxima(), pd);
			literal("Assessment", "assessment", null, "{segment: segment, score: score, pd: pd, grade: grade}", segment,
					score, pd, grade);
			return this.model;
		}

		private Decision segment() {
			DecisionTable table = table("Segment", "Segment", HitPolicy.UNIQUE);
			input(table, "Bank data", "FinancialProfile != null", "boolean");
			input(table, "Telecom data", "TelecomProfile != null", "boolean");
			input(table, "Thin file", "FinancialProfile.thinFile", "boolean");
			output(table, "segment", "string");
			rule(table, "No bank data: an officer decides", "null", "false", "-", "-");
			rule(table, null, "\"FINANCIAL_ONLY\"", "true", "false", "-");
			rule(table, null, "\"THIN_FILE\"", "true", "true", "true");
			rule(table, null, "\"FULL_FILE\"", "true", "true", "false");
			return (Decision) table.getParentElement();
		}

		private Decision points(String characteristic, String output, List<ScorecardTable.Bin> bins, Decision segment) {
			DecisionTable table = table("Points_" + characteristic.replace('.', '_'), "Points for " + characteristic,
					HitPolicy.UNIQUE);
			input(table, "Segment", "segment", "string");
			input(table, characteristic, characteristic, null);
			output(table, output, "integer");
			Set<String> scored = new LinkedHashSet<>();
			for (ScorecardTable.Bin bin : bins) {
				scored.add(bin.segment());
				rule(table, null, Integer.toString(bin.points()), quoted(bin.segment()), bin(bin));
			}
			if (!scored.containsAll(SEGMENTS)) {
				rule(table, "Not in this segment's scorecard", "0",
						"not(" + scored.stream().map(DmnScorecard::quoted).collect(Collectors.joining(", ")) + ")",
						"-");
			}
			Decision decision = (Decision) table.getParentElement();
			requires(decision, segment);
			return decision;
		}

		private Decision grade(List<BigDecimal> pdMaxima, Decision pd) {
			DecisionTable table = table("Grade", "Grade", HitPolicy.UNIQUE);
			input(table, "PD (%)", "pd", "double");
			output(table, "grade", "string");
			rule(table, "No score", "null", "null");
			String above = null;
			for (int i = 0; i < pdMaxima.size(); i++) {
				String max = pdMaxima.get(i).toPlainString();
				rule(table, null, quoted(Policy.GRADES.get(i)),
						(above != null) ? "(" + above + ".." + max + "]" : "<= " + max);
				above = max;
			}
			rule(table, null, quoted(Policy.GRADES.get(pdMaxima.size())), "> " + above);
			Decision decision = (Decision) table.getParentElement();
			requires(decision, pd);
			return decision;
		}

		private static String bin(ScorecardTable.Bin bin) {
			if (bin.noValue()) {
				return "null";
			}
			boolean openBelow = bin.from() == Double.NEGATIVE_INFINITY;
			boolean openAbove = bin.below() == Double.POSITIVE_INFINITY;
			if (openBelow && openAbove) {
				return "-";
			}
			if (openBelow) {
				return "< " + number(bin.below());
			}
			if (openAbove) {
				return ">= " + number(bin.from());
			}
			return "[" + number(bin.from()) + ".." + number(bin.below()) + ")";
		}

		private static String number(double value) {
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

		private DecisionTable table(String id, String name, HitPolicy hitPolicy) {
			Decision decision = decision(id, name);
			DecisionTable table = element(DecisionTable.class);
			table.setHitPolicy(hitPolicy);
			decision.setExpression(table);
			return table;
		}

		private Decision literal(String id, String variableName, String typeRef, String feel, Decision... requires) {
			Decision decision = decision(id, id);
			Variable variable = element(Variable.class);
			variable.setName(variableName);
			if (typeRef != null) {
				variable.setTypeRef(typeRef);
			}
			decision.setVariable(variable);
			LiteralExpression expression = element(LiteralExpression.class);
			expression.setText(text(feel));
			decision.setExpression(expression);
			for (Decision required : requires) {
				requires(decision, required);
			}
			return decision;
		}

		private Decision decision(String id, String name) {
			Decision decision = this.model.newInstance(Decision.class);
			decision.setId(id);
			decision.setName(name);
			decision.setCamundaHistoryTimeToLive(180);
			this.definitions.addChildElement(decision);
			return decision;
		}

		private void requires(Decision decision, Decision required) {
			InformationRequirement requirement = this.model.newInstance(InformationRequirement.class);
			decision.getInformationRequirements().add(requirement);
			requirement.setRequiredDecision(required);
		}

		private void input(DecisionTable table, String label, String feel, String typeRef) {
			Input input = element(Input.class);
			input.setLabel(label);
			InputExpression expression = element(InputExpression.class);
			expression.setText(text(feel));
			if (typeRef != null) {
				expression.setTypeRef(typeRef);
			}
			input.setInputExpression(expression);
			table.getInputs().add(input);
		}

		private void output(DecisionTable table, String name, String typeRef) {
			Output output = element(Output.class);
			output.setName(name);
			output.setLabel(name);
			output.setTypeRef(typeRef);
			table.getOutputs().add(output);
		}

		private void rule(DecisionTable table, String description, String outputEntry, String... inputEntries) {
			Rule rule = element(Rule.class);
			if (description != null) {
				Description text = this.model.newInstance(Description.class);
				text.setTextContent(description);
				rule.setDescription(text);
			}
			for (String feel : inputEntries) {
				InputEntry entry = element(InputEntry.class);
				entry.setText(text(feel));
				rule.getInputEntries().add(entry);
			}
			OutputEntry entry = element(OutputEntry.class);
			entry.setText(text(outputEntry));
			rule.getOutputEntries().add(entry);
			table.getRules().add(rule);
		}

		private Text text(String content) {
			Text text = this.model.newInstance(Text.class);
			text.setTextContent(content);
			return text;
		}

		private <T extends DmnElement> T element(Class<T> type) {
			T element = this.model.newInstance(type);
			element.setId(type.getSimpleName() + "_" + (++this.ids));
			return element;
		}

	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

}
