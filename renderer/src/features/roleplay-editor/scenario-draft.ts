import type { Language } from '../../../../shared/domain/user';
import type { LocalizedText } from '../../../../shared/guidance/script';
import { Scenario, type CueCard, type RubricCriterion, type RubricLevel, type TrainingHistoryEntry, type TrainingOrder } from '../../../../shared/roleplay/scenario';
import type { ScenarioCheckContext, ScenarioIssue } from '../../../../shared/roleplay/scenario-check';
import { checkScenario } from '../../../../shared/roleplay/scenario-check';

/**
 * The pieces a trainer adds to a scenario, and what the editor checks before publishing. Kept out
 * of the store so the store holds state and the calls, and these stay plain and testable.
 */

/** A text with this language's wording replaced; an empty field removes the language, so the check sees it missing. */
export function withText(text: LocalizedText, language: Language, value: string): LocalizedText {
  const next = { ...text };
  if (value.trim() === '') delete next[language];
  else next[language] = value;
  return next;
}

/** The next free id with this prefix among `ids` (criterion-3, card-2). */
export function freshId(prefix: string, ids: readonly string[]): string {
  let n = ids.length + 1;
  while (ids.includes(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** Three levels, the scale most scenarios use: missed, partly, fully (0, 1, 2 points). */
export function newCriterion(taken: readonly string[]): RubricCriterion {
  return {
    id: freshId('criterion', taken),
    name: {},
    description: {},
    weight: 0,
    levels: [
      { id: 'missed', label: {}, points: 0 },
      { id: 'partly', label: {}, points: 1 },
      { id: 'fully', label: {}, points: 2 },
    ],
  };
}

export function newLevel(criterion: RubricCriterion): RubricLevel {
  const top = Math.max(0, ...criterion.levels.map((level) => level.points));
  return { id: freshId('level', criterion.levels.map((level) => level.id)), label: {}, points: top + 1 };
}

export function newOrder(taken: readonly string[], currency: string): TrainingOrder {
  return {
    id: freshId('order', taken),
    number: '',
    status: 'delivered',
    channel: 'online',
    placedDaysAgo: 7,
    deliveredDaysAgo: 3,
    currency,
    items: [{ sku: 'ITEM-1', name: '', quantity: 1, unitPriceMinor: 0 }],
  };
}

export const newHistoryEntry = (): TrainingHistoryEntry => ({ kind: 'note', daysAgo: 0, orderId: null, text: {} });

export const newCueCard = (taken: readonly string[]): CueCard => ({ id: freshId('card', taken), when: {}, then: {} });

/**
 * A new scenario as a draft: every part the schema needs is there but empty, so the check lists
 * what is left to write. The customer is marked as training data and has a training number.
 */
export function blankScenario(id: string, language: Language, scriptId: string): Scenario {
  return {
    id,
    version: 1,
    status: 'draft',
    title: {},
    summary: {},
    languages: [language],
    persona: { name: '', language, mood: 'calm', backstory: {}, speaks: {} },
    customer: {
      training: true,
      name: '',
      phone: language === 'fil' ? '+639555010001' : language === 'pt-BR' ? '+5511955501001' : '+12125550101',
      emails: [],
      language,
      tags: [],
      address: null,
      orders: [],
      history: [],
    },
    objective: {},
    scriptId,
    rubric: [newCriterion([])],
    passThreshold: 70,
    cueCards: [],
  };
}

/** Another scenario's content under a new id: a draft of its own, starting again at version 1. */
export function copyScenario(source: Scenario, id: string): Scenario {
  return { ...structuredClone(source), id, version: 1, status: 'draft' };
}

export const weightSum = (scenario: Scenario): number => scenario.rubric.reduce((sum, criterion) => sum + criterion.weight, 0);

/**
 * What stops publishing, as the server would say it: the shape first (an empty name, an id with
 * spaces), then checkScenario. Without the list of scripts (it did not load) the script is left
 * to the server to check rather than flagged as unknown.
 */
export function scenarioIssues(scenario: Scenario, context: ScenarioCheckContext | null): ScenarioIssue[] {
  const parsed = Scenario.safeParse(scenario);
  const shape: ScenarioIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ code: 'invalid-shape', where: issue.path.map(String).join(' › '), message: issue.message }));
  const checked = checkScenario(scenario, context ?? { scriptIds: [scenario.scriptId] });
  return [...shape, ...checked];
}

/** The issues about one part of the scenario, by where they point (`rubric`, `customer`, `cue card`). */
export function issuesAt(issues: readonly ScenarioIssue[], ...prefixes: string[]): ScenarioIssue[] {
  return issues.filter((issue) => prefixes.some((prefix) => issue.where === prefix || issue.where.startsWith(`${prefix} `) || issue.where.startsWith(`${prefix}.`)));
}
