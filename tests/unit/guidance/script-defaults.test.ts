import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/domain/user';
import { type Script } from '../../../shared/guidance/script';
import { checkScript, parseScript, scriptFrom } from '../../../shared/guidance/script-check';
import { saysPhrase } from '../../../shared/guidance/script-text';
import { GUIDANCE_SITUATIONS } from '../../../shared/guidance/situations';
import { searchTokens } from '../../../shared/search/fold';
import { defaultScriptFiles } from './script-fixtures';

const files = defaultScriptFiles();

let cache: { file: string; script: Script }[] | undefined;

/** The scripts parsed once; a broken one fails the test that asks, naming its issues. */
function loaded(): { file: string; script: Script }[] {
  return (cache ??= files.map(({ file, json }) => {
    const parsed = parseScript(json);
    if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => `${i.code} @ ${i.where}: ${i.message}`).join('; ')}`);
    return { file, script: parsed.script };
  }));
}

describe('the default scripts in resources/guidance/scripts', () => {
  it.each(files.map((f) => [f.file, f.json] as const))('%s passes every check', (_file, json) => {
    const parsed = parseScript(json);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it('cover every situation, each script named after its file', () => {
    const scripts = loaded();
    expect(scripts).toHaveLength(7);
    for (const { file, script } of scripts) {
      expect(file).toBe(`${script.id}.json`);
      expect(script.status).toBe('published');
      for (const situation of script.situations) expect(GUIDANCE_SITUATIONS).toContain(situation);
    }
    expect(new Set(scripts.flatMap(({ script }) => script.situations))).toEqual(new Set(GUIDANCE_SITUATIONS));
  });

  it('have 4 to 8 steps, a real branch, a trigger branch, and phrases and a checklist on every step', () => {
    for (const { file, script } of loaded()) {
      expect(script.steps.length, file).toBeGreaterThanOrEqual(4);
      expect(script.steps.length, file).toBeLessThanOrEqual(8);
      expect(script.steps.some((s) => s.choices.length >= 2), `${file} has a step with two choices`).toBe(true);
      const triggerBranches = script.onTriggerAnyStep.length + script.steps.reduce((n, s) => n + s.onTrigger.length, 0);
      expect(triggerBranches, `${file} trigger branches`).toBeGreaterThan(0);
      for (const step of script.steps) {
        expect(step.phrases.length, `${file} ${step.id} phrases`).toBeGreaterThan(0);
        expect(step.checklist.length, `${file} ${step.id} checklist`).toBeGreaterThan(0);
      }
    }
  });

  it('give the agent a reference number to read out in every script', () => {
    for (const { file, script } of loaded()) {
      const reads = script.steps.some((s) => s.phrases.some((p) => LANGUAGES.every((language) => p[language]?.includes('{reference}'))));
      expect(reads, file).toBe(true);
    }
  });

  it('each list phrases to avoid, with why and what to say instead', () => {
    for (const { file, script } of loaded()) {
      expect(script.avoid.length, file).toBeGreaterThanOrEqual(3);
    }
  });

  it('warn against "calm down", "there is nothing I can do" and "that\'s our policy" in all three languages', () => {
    const upset = loaded().find(({ script }) => script.id === 'upset-customer')!.script;
    const avoided = (language: (typeof LANGUAGES)[number]) => upset.avoid.flatMap((a) => a.phrases[language]);
    expect(avoided('en')).toEqual(expect.arrayContaining(['calm down', 'there is nothing I can do', "that's our policy"]));
    expect(avoided('fil')).toEqual(expect.arrayContaining(['kumalma po kayo', 'wala po akong magagawa']));
    expect(avoided('pt-BR')).toEqual(expect.arrayContaining(['é a política da empresa', 'fica calmo']));
  });

  it('never suggest saying one of their own phrases to avoid', () => {
    const offences: string[] = [];
    for (const { file, script } of loaded()) {
      const spoken = [...script.steps.flatMap((s) => s.phrases.map((p) => ({ where: s.id, text: p }))), ...script.avoid.map((a) => ({ where: `instead of ${a.id}`, text: a.instead }))];
      for (const { where, text } of spoken) {
        for (const language of LANGUAGES) {
          for (const phrase of script.avoid.flatMap((a) => a.phrases[language])) {
            if (saysPhrase(text[language] ?? '', phrase)) offences.push(`${file} ${where} (${language}) says "${phrase}"`);
          }
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('would be caught if a trainer added "calm down" to a default step', () => {
    const upset = structuredClone(loaded().find(({ script }) => script.id === 'upset-customer')!.script);
    upset.steps[0]!.phrases.push({ en: 'Sir, please calm down.', fil: "Sir, kumalma po kayo. Policy po kasi namin 'yan.", 'pt-BR': 'Fica calmo, é a política da empresa.' });
    expect(checkScript(scriptFrom(upset)).map((i) => i.code)).toEqual(Array(5).fill('says-avoided-phrase'));
  });

  it('speak to the customer politely in Filipino: every phrase says po', () => {
    const impolite: string[] = [];
    for (const { file, script } of loaded()) {
      const said = [...script.steps.flatMap((s) => s.phrases), ...script.avoid.map((a) => a.instead)];
      for (const phrase of said) {
        const words = searchTokens(phrase.fil ?? '');
        if (!words.some((w) => w === 'po' || w === 'pong' || w === 'opo')) impolite.push(`${file}: ${phrase.fil}`);
      }
    }
    expect(impolite).toEqual([]);
  });

  it('never presume the agent\'s gender in Portuguese ("obrigado" or "obrigada")', () => {
    const gendered: string[] = [];
    for (const { file, script } of loaded()) {
      const said = [...script.steps.flatMap((s) => s.phrases), ...script.avoid.map((a) => a.instead)];
      for (const phrase of said) if (/\bobrigad[oa]\b/i.test(phrase['pt-BR'] ?? '')) gendered.push(`${file}: ${phrase['pt-BR']}`);
    }
    expect(gendered).toEqual([]);
  });
});
