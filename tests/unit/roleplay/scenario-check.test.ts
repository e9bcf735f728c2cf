import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../shared/roleplay/scenario';
import { checkScenario, parseScenario, scenarioFrom } from '../../../shared/roleplay/scenario-check';
import { sampleScenario, say } from './scenario-fixtures';

const scriptIds = ['upset-customer', 'refund-outside-policy'];

/** The issues of the sample scenario after `edit`, as `code @ where`. */
function issuesAfter(edit: (scenario: ScenarioInput) => void): string[] {
  const scenario = sampleScenario();
  edit(scenario);
  return checkScenario(scenarioFrom(scenario), { scriptIds }).map((issue) => `${issue.code} @ ${issue.where}`);
}

function criterion(scenario: ScenarioInput, id: string) {
  const found = scenario.rubric.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

describe('checking a scenario before a trainer publishes it', () => {
  it('accepts a sound scenario', () => {
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it('refuses weights that do not add up to 100, saying what they add up to', () => {
    const scenario = sampleScenario();
    criterion(scenario, 'reference').weight = 30;
    const issues = checkScenario(scenarioFrom(scenario), { scriptIds });
    expect(issues.map((i) => i.code)).toEqual(['weights-not-100']);
    expect(issues[0]!.message).toContain('110');
  });

  it('refuses a criterion that weighs nothing', () => {
    const issues = issuesAfter((s) => {
      criterion(s, 'reference').weight = 0;
      criterion(s, 'policy').weight = 60;
    });
    expect(issues).toEqual(['weight-not-positive @ rubric › reference']);
  });

  it('refuses levels that do not go up from worst to best, naming the level', () => {
    const repeated = issuesAfter((s) => (criterion(s, 'acknowledged').levels[2]!.points = 1));
    expect(repeated).toEqual(['levels-not-increasing @ rubric › acknowledged › level fully']);
    const reversed = issuesAfter((s) => criterion(s, 'acknowledged').levels.reverse());
    expect(reversed).toEqual(['levels-not-increasing @ rubric › acknowledged › level partly', 'levels-not-increasing @ rubric › acknowledged › level missed']);
  });

  it('refuses the same id twice: criteria, levels of one criterion, cue cards', () => {
    const issues = issuesAfter((s) => {
      s.rubric.push({ ...structuredClone(criterion(s, 'reference')), weight: 0 });
      criterion(s, 'policy').levels[1]!.id = 'missed';
      s.cueCards.push({ id: 'interrupted', when: say('again'), then: say('louder') });
    });
    expect(issues).toEqual(
      expect.arrayContaining(['duplicate-id @ rubric', 'duplicate-id @ rubric › policy', 'duplicate-id @ cue cards']),
    );
  });

  it('allows the same level ids in different criteria', () => {
    // "missed" and "partly" are in both acknowledged and policy in the sample.
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it('refuses a text missing in any of en, fil and pt-BR, wherever it is', () => {
    const issues = issuesAfter((s) => {
      delete s.objective.fil;
      delete criterion(s, 'policy').levels[3]!.label['pt-BR'];
      delete s.cueCards[0]!.then.en;
      delete s.persona.speaks['pt-BR'];
      delete s.customer.history![0]!.text.fil;
    });
    expect(issues).toEqual([
      'missing-language @ objective',
      'missing-language @ persona › how they speak',
      'missing-language @ customer › history 1',
      'missing-language @ rubric › policy › level excellent',
      'missing-language @ cue card interrupted › then',
    ]);
  });

  it('refuses a script the trainee cannot practise', () => {
    expect(issuesAfter((s) => (s.scriptId = 'retired-script'))).toEqual(['unknown-script @ script']);
    const none = checkScenario(scenarioFrom(sampleScenario()), { scriptIds: [] });
    expect(none.map((i) => i.code)).toEqual(['unknown-script']);
  });

  it('refuses a persona who speaks a language the scenario is not played in, or a customer record in another language', () => {
    expect(issuesAfter((s) => (s.languages = ['en']))).toEqual(['language-mismatch @ persona › language']);
    expect(issuesAfter((s) => (s.customer.language = 'pt-BR'))).toEqual(['language-mismatch @ customer › language']);
  });

  it('refuses history about an order the customer does not have', () => {
    expect(issuesAfter((s) => (s.customer.history![0]!.orderId = 'gone'))).toEqual(['unknown-order @ customer › history 1']);
  });

  it('refuses a customer not marked as training data', () => {
    expect(issuesAfter((s) => (s.customer.training = false))).toEqual(['not-training @ customer']);
  });

  it('refuses a phone number outside the training ranges: it could ring a real person', () => {
    expect(issuesAfter((s) => (s.customer.phone = '+639171234567'))).toEqual(['real-phone @ customer › phone']);
    expect(issuesAfter((s) => (s.customer.phone = '+12125550142'))).toEqual([]);
    expect(issuesAfter((s) => (s.customer.phone = '+5511955501042'))).toEqual([]);
    expect(issuesAfter((s) => (s.customer.phone = '+12125551234'))).toEqual(['real-phone @ customer › phone']);
  });

  it('refuses a pass threshold outside 1 to 100 percent', () => {
    expect(issuesAfter((s) => (s.passThreshold = 0))).toEqual(['threshold-out-of-range @ pass threshold']);
    expect(issuesAfter((s) => (s.passThreshold = 1))).toEqual([]);
    expect(issuesAfter((s) => (s.passThreshold = 100))).toEqual([]);
  });

  it('refuses a scenario of the wrong shape with where it is wrong, without checking further', () => {
    const input = sampleScenario() as unknown as Record<string, unknown>;
    const parsed = parseScenario({ ...input, passThreshold: 140, rubric: [] }, { scriptIds });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => `${i.code} @ ${i.where}`)).toEqual(['invalid-shape @ rubric', 'invalid-shape @ passThreshold']);
  });

  it('accepts a half-written draft as a shape, so a trainer can save it, and lists what is left', () => {
    const draft = sampleScenario();
    draft.status = 'draft';
    draft.title = { fil: 'Galit na customer' };
    const parsed = parseScenario(draft, { scriptIds });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.code)).toEqual(['missing-language', 'missing-language']);
  });
});
