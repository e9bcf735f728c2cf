import { describe, expect, it } from 'vitest';
import type { ScriptInput } from '../../../shared/guidance/script';
import { checkScript, parseScript, scriptFrom, type ScriptIssue } from '../../../shared/guidance/script-check';
import { fillPlaceholders, placeholdersIn, saysPhrase } from '../../../shared/guidance/script-text';
import { sampleScript, say } from './script-fixtures';

/** The issues of the sample script after `edit`, as `code @ where`. */
function issuesAfter(edit: (script: ScriptInput) => void): string[] {
  const script = sampleScript();
  edit(script);
  return checkScript(scriptFrom(script)).map((issue) => `${issue.code} @ ${issue.where}`);
}

function step(script: ScriptInput, id: string) {
  const found = script.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

describe('checking a script before it is published', () => {
  it('accepts a sound script', () => {
    expect(checkScript(scriptFrom(sampleScript()))).toEqual([]);
  });

  it('rejects a choice that leads to a step that does not exist', () => {
    const issues = issuesAfter((s) => {
      step(s, 'fix').choices[0]!.to = 'refund';
    });
    expect(issues).toContain('dangling-branch @ step fix › choice agreed');
  });

  it('rejects a trigger branch that leads nowhere, on a step or on any step', () => {
    const issues = issuesAfter((s) => {
      step(s, 'listen').onTrigger = [{ trigger: 'customer-upset', to: 'gone' }];
      s.onTriggerAnyStep = [{ trigger: 'asks-for-manager', to: 'also-gone' }];
    });
    expect(issues).toContain('dangling-branch @ step listen › trigger customer-upset');
    expect(issues).toContain('dangling-branch @ any step › trigger asks-for-manager');
  });

  it('rejects a start step that does not exist', () => {
    expect(issuesAfter((s) => (s.start = 'hello'))).toContain('missing-start @ start');
  });

  it('rejects a step nobody can reach from the start', () => {
    const issues = issuesAfter((s) => {
      s.steps.push({ id: 'orphan', title: say('Orphan'), doThis: say('Nothing'), phrases: [], checklist: [], choices: [{ id: 'go', label: say('Go'), to: 'close' }] });
    });
    expect(issues).toEqual(['unreachable-step @ step orphan']);
  });

  it('counts a step reached only by a trigger as reachable', () => {
    // "manager" is reached only through the any-step trigger in the sample.
    expect(issuesAfter(() => {})).toEqual([]);
    const issues = issuesAfter((s) => (s.onTriggerAnyStep = [{ trigger: 'customer-upset', to: 'fix' }]));
    expect(issues).toEqual(['unreachable-step @ step manager']);
  });

  it('rejects a step with no way forward unless it is an end step', () => {
    const issues = issuesAfter((s) => {
      step(s, 'fix').choices = [];
    });
    expect(issues).toContain('dead-end @ step fix');
    expect(issuesAfter((s) => (step(s, 'fix').end = true))).toEqual([]);
  });

  it('does not count a trigger as a way forward: it may never fire', () => {
    const issues = issuesAfter((s) => {
      step(s, 'slow-down').choices = [];
      step(s, 'slow-down').onTrigger = [{ trigger: 'customer-upset', to: 'fix' }];
    });
    expect(issues).toEqual(['dead-end @ step slow-down']);
  });

  it('rejects choices that only go round in circles', () => {
    const issues = issuesAfter((s) => {
      step(s, 'slow-down').choices = [{ id: 'again', label: say('Again'), to: 'listen' }];
      step(s, 'listen').choices = [{ id: 'upset', label: say('Upset'), to: 'slow-down' }];
    });
    expect(issues).toEqual(['no-way-to-finish @ step listen', 'no-way-to-finish @ step slow-down']);
  });

  it('rejects a text missing in one of the three languages', () => {
    const issues = issuesAfter((s) => {
      delete step(s, 'listen').phrases[0]!.fil;
      delete step(s, 'fix').choices[0]!.label['pt-BR'];
      delete s.title.en;
      s.avoid[0]!.phrases!['pt-BR'] = [];
    });
    expect(issues.sort()).toEqual(
      [
        'missing-language @ step listen › phrase 1',
        'missing-language @ step fix › choice agreed',
        'missing-language @ title',
        'missing-language @ avoid calm-down › phrases',
      ].sort(),
    );
  });

  it('says which language is missing', () => {
    const script = sampleScript();
    delete step(script, 'close').checklist[0]!.text.fil;
    const [issue] = checkScript(scriptFrom(script));
    expect(issue).toEqual<ScriptIssue>({ code: 'missing-language', stepId: 'close', where: 'step close › checklist thanked', message: 'no fil text' });
  });

  it('rejects a translation that drops or misspells a placeholder', () => {
    const dropped = issuesAfter((s) => {
      step(s, 'fix').phrases[0]!.fil = 'Ang reference number po ninyo.';
    });
    expect(dropped).toEqual(['placeholder-mismatch @ step fix › phrase 1']);
    const misspelled = issuesAfter((s) => {
      step(s, 'close').phrases[0] = say('Thank you, {custmer}.');
    });
    expect(misspelled).toEqual(['unknown-placeholder @ step close › phrase 1']);
  });

  it('rejects a suggested phrase that says one of the phrases to avoid', () => {
    const issues = issuesAfter((s) => {
      step(s, 'slow-down').phrases.push({ en: 'Sir, please calm down.', fil: 'Sir, kumalma po kayo.', 'pt-BR': 'Senhor, fica calmo, por favor.' });
      s.avoid[0]!.instead = { en: 'Relax.', fil: 'Relax lang po.', 'pt-BR': 'Se acalme.' };
    });
    expect(issues.sort()).toEqual(
      [
        'says-avoided-phrase @ step slow-down › phrase 2',
        'says-avoided-phrase @ step slow-down › phrase 2',
        'says-avoided-phrase @ step slow-down › phrase 2',
        'says-avoided-phrase @ avoid calm-down › instead',
      ].sort(),
    );
  });

  it('rejects repeated ids: steps, choices in a step, checklist items anywhere', () => {
    const issues = issuesAfter((s) => {
      step(s, 'close').checklist.push({ id: 'let-finish', text: say('Again') });
      step(s, 'listen').choices.push({ id: 'calmer', label: say('Calmer again'), to: 'close' });
    });
    expect(issues).toEqual(['duplicate-id @ checklists', 'duplicate-id @ step listen']);
  });

  it('rejects one trigger leading to two places from the same step', () => {
    const issues = issuesAfter((s) => {
      step(s, 'listen').onTrigger!.push({ trigger: 'customer-upset', to: 'fix' });
    });
    expect(issues).toEqual(['ambiguous-trigger @ step listen']);
  });
});

describe('parsing a script from a file or the wire', () => {
  it('returns the script with its defaults applied when it is sound', () => {
    const input = sampleScript();
    delete step(input, 'slow-down').onTrigger;
    const parsed = parseScript(JSON.parse(JSON.stringify(input)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.script.steps.find((s) => s.id === 'slow-down')).toMatchObject({ onTrigger: [], end: false });
    }
  });

  it('refuses a wrong shape with where it is wrong', () => {
    const parsed = parseScript({ ...sampleScript(), version: 0, status: 'live' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => `${i.code} @ ${i.where}`).sort()).toEqual(['invalid-shape @ status', 'invalid-shape @ version']);
  });

  it('refuses a well-shaped script that fails the checks', () => {
    const parsed = parseScript({ ...sampleScript(), start: 'nowhere' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.code)).toContain('missing-start');
  });
});

describe('the words in a script', () => {
  it('finds a phrase whatever the case, accents and punctuation', () => {
    expect(saysPhrase('Sir, KUMALMA po kayo!', 'kumalma po kayo')).toBe(true);
    expect(saysPhrase('Senhor, é a politica da empresa.', 'é a política da empresa')).toBe(true);
    expect(saysPhrase("That’s our policy, sir.", "that's our policy")).toBe(true);
  });

  it('matches whole words only', () => {
    expect(saysPhrase('Let us handle this calmly.', 'calm')).toBe(false);
    expect(saysPhrase('O cliente está mais calmo.', 'fica calmo')).toBe(false);
    expect(saysPhrase('Ito po ang magagawa ko.', 'wala po akong magagawa')).toBe(false);
  });

  it('lists placeholders and fills the known ones, leaving the rest visible', () => {
    expect(placeholdersIn('Ref {reference}, {customer}, again {reference}')).toEqual(['reference', 'customer']);
    expect(fillPlaceholders('Your reference is {reference}, {customer}. {nope}', { reference: 'KAL-42' })).toBe('Your reference is KAL-42, {customer}. {nope}');
  });
});
