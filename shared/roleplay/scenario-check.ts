import { LANGUAGES } from '../domain/user';
import type { LocalizedText } from '../guidance/script';
import { isTrainingPhone, Scenario, type ScenarioInput } from './scenario';

/**
 * What a scenario must satisfy before a trainer publishes it, beyond its shape: the rubric scores
 * out of 100 and each criterion's levels go up, the trainee practises a script that exists, every
 * text is there in English, Filipino and Portuguese, and the synthetic customer is unmistakably
 * training data. The editor shows these issues; publishing refuses a scenario that has any.
 */

export type ScenarioIssueCode =
  /** The scenario's shape is wrong (from the zod parse). */
  | 'invalid-shape'
  | 'duplicate-id'
  | 'weight-not-positive'
  | 'weights-not-100'
  | 'levels-not-increasing'
  | 'missing-language'
  | 'unknown-script'
  | 'language-mismatch'
  | 'unknown-order'
  | 'not-training'
  | 'real-phone'
  | 'threshold-out-of-range';

export interface ScenarioIssue {
  code: ScenarioIssueCode;
  /** Where in the scenario, readable: `rubric › acknowledged-feeling › level 2`. */
  where: string;
  message: string;
}

export interface ScenarioCheckContext {
  /** The ids of the scripts a trainee can practise (published, not retired). */
  scriptIds: readonly string[];
}

export function checkScenario(scenario: Scenario, context: ScenarioCheckContext): ScenarioIssue[] {
  return [...checkIds(scenario), ...checkRubric(scenario), ...checkTexts(scenario), ...checkReferences(scenario, context), ...checkCustomer(scenario)];
}

export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Parses a scenario from a file or the wire and checks it; a scenario that fails either is refused. */
export function parseScenario(input: unknown, context: ScenarioCheckContext): ParsedScenario {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue): ScenarioIssue => ({ code: 'invalid-shape', where: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  const issues = checkScenario(parsed.data, context);
  return issues.length === 0 ? { ok: true, scenario: parsed.data } : { ok: false, issues };
}

/** A scenario built in code (tests, the editor's preview): parsed, defaults applied, not checked. */
export function scenarioFrom(input: ScenarioInput): Scenario {
  return Scenario.parse(input);
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

function checkIds(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (what: string, ids: readonly string[], where: string) => {
    for (const id of duplicates(ids)) issues.push({ code: 'duplicate-id', where, message: `${what} "${id}" is used more than once` });
  };
  // A mark names its criterion and level by id alone, so both must be unambiguous.
  report('criterion', scenario.rubric.map((c) => c.id), 'rubric');
  for (const criterion of scenario.rubric) report('level', criterion.levels.map((l) => l.id), `rubric › ${criterion.id}`);
  report('cue card', scenario.cueCards.map((c) => c.id), 'cue cards');
  report('order', scenario.customer.orders.map((o) => o.id), 'customer › orders');
  return issues;
}

function checkRubric(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const criterion of scenario.rubric) {
    const where = `rubric › ${criterion.id}`;
    if (criterion.weight <= 0) issues.push({ code: 'weight-not-positive', where, message: 'a criterion that weighs nothing cannot change the score; remove it or give it a weight' });
    for (const [i, level] of criterion.levels.entries()) {
      const before = criterion.levels[i - 1];
      if (before && level.points <= before.points) {
        issues.push({
          code: 'levels-not-increasing',
          where: `${where} › level ${level.id}`,
          message: `is worth ${level.points} points, not more than "${before.id}" before it (${before.points}); order levels from worst to best`,
        });
      }
    }
  }
  // Scoring divides by the sum whatever it is (scoring.ts), so a draft still previews; published
  // rubrics add up to 100 so each weight reads as the percent it is worth.
  const total = scenario.rubric.reduce((sum, c) => sum + c.weight, 0);
  if (total !== 100) issues.push({ code: 'weights-not-100', where: 'rubric', message: `the weights add up to ${total}, not 100` });
  if (scenario.passThreshold < 1 || scenario.passThreshold > 100) {
    issues.push({ code: 'threshold-out-of-range', where: 'pass threshold', message: `${scenario.passThreshold}% is not between 1% and 100%` });
  }
  return issues;
}

/** Every localized text of the scenario with where it is. */
function* textsOf(scenario: Scenario): Generator<{ text: LocalizedText; where: string }> {
  yield { text: scenario.title, where: 'title' };
  yield { text: scenario.summary, where: 'summary' };
  yield { text: scenario.objective, where: 'objective' };
  yield { text: scenario.persona.backstory, where: 'persona › backstory' };
  yield { text: scenario.persona.speaks, where: 'persona › how they speak' };
  for (const [i, entry] of scenario.customer.history.entries()) yield { text: entry.text, where: `customer › history ${i + 1}` };
  for (const criterion of scenario.rubric) {
    yield { text: criterion.name, where: `rubric › ${criterion.id} › name` };
    yield { text: criterion.description, where: `rubric › ${criterion.id} › description` };
    for (const level of criterion.levels) yield { text: level.label, where: `rubric › ${criterion.id} › level ${level.id}` };
  }
  for (const card of scenario.cueCards) {
    yield { text: card.when, where: `cue card ${card.id} › if` };
    yield { text: card.then, where: `cue card ${card.id} › then` };
  }
}

function checkTexts(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  // Every text in all three: the trainer reads the card in their own language whatever the call is played in.
  for (const { text, where } of textsOf(scenario)) {
    for (const language of LANGUAGES) {
      if (!text[language]) issues.push({ code: 'missing-language', where, message: `no ${language} text` });
    }
  }
  return issues;
}

function checkReferences(scenario: Scenario, { scriptIds }: ScenarioCheckContext): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (!scriptIds.includes(scenario.scriptId)) {
    issues.push({ code: 'unknown-script', where: 'script', message: `there is no script "${scenario.scriptId}" to practise` });
  }
  const { persona, customer } = scenario;
  if (!scenario.languages.includes(persona.language)) {
    issues.push({ code: 'language-mismatch', where: 'persona › language', message: `${persona.name} speaks ${persona.language}, which is not a language the scenario is played in` });
  }
  if (customer.language !== persona.language) {
    issues.push({ code: 'language-mismatch', where: 'customer › language', message: `the customer record prefers ${customer.language} but the persona speaks ${persona.language}` });
  }
  const orderIds = new Set(customer.orders.map((o) => o.id));
  for (const [i, entry] of customer.history.entries()) {
    if (entry.orderId !== null && !orderIds.has(entry.orderId)) {
      issues.push({ code: 'unknown-order', where: `customer › history ${i + 1}`, message: `is about order "${entry.orderId}", which the customer does not have` });
    }
  }
  return issues;
}

function checkCustomer(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const { customer } = scenario;
  if (!customer.training) {
    issues.push({ code: 'not-training', where: 'customer', message: 'the synthetic customer must be marked as training data, or it would show in real search' });
  }
  if (!isTrainingPhone(customer.phone)) {
    issues.push({ code: 'real-phone', where: 'customer › phone', message: `${customer.phone} is not in a training range (555-01xx); it could be a real person's number` });
  }
  return issues;
}
