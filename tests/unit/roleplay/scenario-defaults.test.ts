import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/domain/user';
import { isTrainingPhone, orderTotalMinor, trainingRecords, type Scenario } from '../../../shared/roleplay/scenario';
import { parseScenario } from '../../../shared/roleplay/scenario-check';
import { scoreSession } from '../../../shared/roleplay/scoring';
import { defaultScenarioFiles, defaultScriptIds } from './scenario-fixtures';

const files = defaultScenarioFiles();
const scriptIds = defaultScriptIds();

let cache: { file: string; scenario: Scenario }[] | undefined;

/** The scenarios parsed once; a broken one fails the test that asks, naming its issues. */
function loaded(): { file: string; scenario: Scenario }[] {
  return (cache ??= files.map(({ file, json }) => {
    const parsed = parseScenario(json, { scriptIds });
    if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => `${i.code} @ ${i.where}: ${i.message}`).join('; ')}`);
    return { file, scenario: parsed.scenario };
  }));
}

describe('the default role-play scenarios in resources/roleplay/scenarios', () => {
  it.each(files.map((f) => [f.file, f.json] as const))('%s passes every check against the real script ids', (_file, json) => {
    const parsed = parseScenario(json, { scriptIds });
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it('are the six situations the floors train, each named after its file and published', () => {
    const scenarios = loaded();
    expect(scenarios.map(({ scenario }) => scenario.id).sort()).toEqual([
      'asks-for-manager',
      'cancellation-win-back',
      'defective-product-walkthrough',
      'irate-customer',
      'refund-outside-window',
      'repeat-complaint',
    ]);
    for (const { file, scenario } of scenarios) {
      expect(file).toBe(`${scenario.id}.json`);
      expect(scenario.status).toBe('published');
    }
  });

  it('practise six different scripts, and cast customers from the Philippine, Brazilian and US floors', () => {
    const scenarios = loaded().map(({ scenario }) => scenario);
    expect(new Set(scenarios.map((s) => s.scriptId)).size).toBe(6);
    expect(new Set(scenarios.map((s) => s.customer.address?.country))).toEqual(new Set(['PH', 'BR', 'US']));
    expect(new Set(scenarios.map((s) => s.persona.language))).toEqual(new Set(LANGUAGES));
  });

  it('give every synthetic customer a training number, at least one order in the local currency, and history about their own orders', () => {
    const currency = { PH: 'PHP', BR: 'BRL', US: 'USD' } as Record<string, string>;
    for (const { file, scenario } of loaded()) {
      const { customer } = scenario;
      expect(customer.training, file).toBe(true);
      expect(isTrainingPhone(customer.phone), `${file} ${customer.phone}`).toBe(true);
      expect(customer.orders.length, file).toBeGreaterThan(0);
      for (const order of customer.orders) expect(order.currency, file).toBe(currency[customer.address?.country ?? '']);
    }
  });

  it('pop on the trainee\'s console as ordinary rows tagged training, dated from the session', () => {
    const refund = loaded().find(({ scenario }) => scenario.id === 'refund-outside-window')!.scenario;
    const startedAt = Date.parse('2026-12-02T14:00:00Z');
    const records = trainingRecords(refund, { id: 's1', startedAt, language: 'en' });
    expect(records.customer.tags).toContain('training');
    expect(records.customer.id).toMatch(/^training-s1-/);
    const headphones = records.orders[0]!;
    // Delivered 41 days before the session: past the 30-day window whenever it is played.
    expect(Date.parse(headphones.deliveredAt!)).toBe(startedAt - 41 * 86_400_000);
    expect(headphones.totalMinor).toBe(orderTotalMinor(refund.customer.orders[0]!));
  });

  it('score full marks as a pass and silence as a retry', () => {
    for (const { file, scenario } of loaded()) {
      const best = scenario.rubric.map((c, i) => ({ criterionId: c.id, levelId: c.levels.at(-1)!.id, atMs: 1000 * i }));
      expect(scoreSession(scenario, best).outcome, file).toBe('pass');
      expect(scoreSession(scenario, best).percent, file).toBeCloseTo(100);
      expect(scoreSession(scenario, []).outcome, file).toBe('retry');
    }
  });

  it('share criterion ids across scenarios, so progress follows a skill from one scenario to the next', () => {
    const counts = new Map<string, number>();
    for (const { scenario } of loaded()) for (const c of scenario.rubric) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    expect(counts.get('acknowledged-feeling')).toBe(6);
    expect(counts.get('closed-with-reference')).toBe(6);
    expect(counts.get('found-real-problem')).toBe(6);
  });

  it('give the trainer at least four cue cards, each an "if" and a "then"', () => {
    for (const { file, scenario } of loaded()) expect(scenario.cueCards.length, file).toBeGreaterThanOrEqual(4);
  });
});
