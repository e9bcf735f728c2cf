import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../../server/demo-data/catalog';
import { LANGUAGES } from '../../../shared/domain/user';
import { PolicyPack, type Labels, type PolicyPackInput } from '../../../shared/policy';
import { loadPack, POLICIES_DIR, readPackJson } from './policy-cases';

const files = readdirSync(POLICIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Every label a pack holds: rules and their exceptions, with where each sits. */
function labelsOf(pack: PolicyPack): [string, Labels][] {
  return [
    ['name', pack.name],
    ['disclaimer', pack.disclaimer],
    ...pack.rules.flatMap((rule): [string, Labels][] => [
      [rule.id, rule.labels],
      ...(rule.kind === 'window' ? rule.beyond.map((e): [string, Labels] => [e.id, e.labels]) : []),
    ]),
  ];
}

describe('default policy packs (resources/policies)', () => {
  it('ships the Philippines, Brazil and a US retail example', () => {
    expect(files).toEqual(['br.json', 'ph.json', 'us.json']);
    expect(files.map((f) => PolicyPack.parse(readPackJson(f)).country).sort()).toEqual(['BR', 'PH', 'US']);
  });

  describe.each(files)('%s', (file) => {
    const raw = readPackJson(file);

    it('parses against the pack schema', () => {
      const result = PolicyPack.safeParse(raw);
      expect(result.error?.issues ?? []).toEqual([]);
    });

    const pack = PolicyPack.parse(raw);

    it('says it is an example of company policy, not legal advice, in every language', () => {
      expect(pack.notLegalAdvice).toBe(true);
      expect(pack.disclaimer.en).toContain('not legal advice');
      expect(pack.disclaimer.fil).toContain('hindi legal advice');
      expect(pack.disclaimer['pt-BR']).toContain('não é aconselhamento jurídico');
    });

    it('labels every rule and exception in en, fil and pt-BR, each language written out', () => {
      for (const [where, labels] of labelsOf(pack)) {
        expect(Object.keys(labels).sort(), where).toEqual([...LANGUAGES].sort());
        for (const language of LANGUAGES) expect(labels[language].trim().length, `${where} ${language}`).toBeGreaterThan(10);
        // A copy of the English is not a translation.
        expect(labels.fil, where).not.toBe(labels.en);
        expect(labels['pt-BR'], where).not.toBe(labels.en);
      }
    });

    it('cites its sources: each statutory window names one, and no source sits unused', () => {
      const cited = new Set(pack.rules.flatMap((r) => r.sources));
      for (const rule of pack.rules) {
        if (rule.kind === 'window' && rule.basis === 'law') expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      }
      expect(pack.sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
    });

    it('names only categories and SKUs the demo store sells', () => {
      const categories = new Set(PRODUCTS.map((p) => p.category));
      const skus = new Set(PRODUCTS.map((p) => p.sku));
      for (const rule of pack.rules) {
        if (!('item' in rule)) continue;
        for (const c of rule.item.categories ?? []) expect(categories, `${rule.id}: ${c}`).toContain(c);
        for (const s of [...(rule.item.skus ?? []), ...(rule.item.exceptSkus ?? [])]) expect(skus, `${rule.id}: ${s}`).toContain(s);
      }
    });
  });
});

describe('the pack schema refuses a pack that could not be cited or applied', () => {
  const good = () => structuredClone(readPackJson('us.json')) as PolicyPackInput & { rules: Record<string, unknown>[] };
  const issues = (pack: unknown) => PolicyPack.safeParse(pack).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('accepts the pack as shipped', () => {
    expect(issues(good())).toEqual([]);
  });

  it('a rule without its Filipino label', () => {
    const pack = good();
    delete (pack.rules[0]!.labels as Record<string, string>).fil;
    expect(issues(pack).some((i) => i.startsWith('rules.0.labels.fil'))).toBe(true);
  });

  it('two rules with the same id', () => {
    const pack = good();
    pack.rules[1]!.id = pack.rules[0]!.id;
    expect(issues(pack)).toContain('rules.1.id: rule id "us-return-30" is used twice');
  });

  it('a company window that replaces a statutory one', () => {
    const pack = good();
    pack.rules[0]!.replaces = ['us-defect'];
    expect(issues(pack)).toContain('rules.0.replaces.0: "us-defect" is a statutory right and cannot be replaced');
  });

  it('a statutory window with no source, and a rule citing a source that is not listed', () => {
    const pack = good();
    pack.rules[1]!.sources = [];
    pack.rules[0]!.sources = ['nowhere'];
    expect(issues(pack)).toEqual(expect.arrayContaining(['rules.1.sources: a statutory window cites its source', 'rules.0.sources.0: unknown source "nowhere"']));
  });

  it('a time zone that does not exist', () => {
    expect(issues({ ...good(), timeZone: 'Manila/Philippines' })[0]).toMatch(/^timeZone:/);
  });

  it('a second fallback, or no approval limit', () => {
    const twoFallbacks = good();
    twoFallbacks.rules.push({ ...twoFallbacks.rules.find((r) => r.kind === 'fallback')!, id: 'another-fallback' });
    expect(issues(twoFallbacks)).toContain('rules: a pack has exactly one fallback rule (found 2)');
    const noLimit = good();
    noLimit.rules = noLimit.rules.filter((r) => r.kind !== 'approval-limit');
    expect(issues(noLimit)).toContain('rules: a pack has exactly one approval-limit rule (found 0)');
  });

  it('a pack not marked as an example', () => {
    expect(issues({ ...good(), notLegalAdvice: false })[0]).toMatch(/^notLegalAdvice:/);
  });

  it('loads each shipped pack through the same schema the console will use', () => {
    for (const country of ['PH', 'BR', 'US'] as const) expect(loadPack(country).rules.length).toBeGreaterThan(5);
  });
});
