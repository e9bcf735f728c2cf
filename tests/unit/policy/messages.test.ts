import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../../server/demo-data/catalog';
import type { DemoCountry } from '../../../server/demo-data/places';
import { LANGUAGES, type Language } from '../../../shared/domain/user';
import {
  ExclusionRule,
  evaluatePolicy,
  NoticeRule,
  POLICY_MESSAGE_KEYS,
  POLICY_REQUEST_REASONS,
  policyTemplate,
  policyText,
  REQUEST_KINDS,
  WindowExtension,
  type PolicyDecision,
  type PolicyFormat,
  type PolicyPack,
} from '../../../shared/policy';
import { loadPack, question } from './policy-cases';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// Plain stand-ins for the renderer's Intl formatters: the words around them are what is tested.
const format: PolicyFormat = {
  date: (iso) => `<${iso}>`,
  money: (minor, currency) => `${currency} ${(minor / 100).toFixed(2)}`,
  list: (items) => items.join(' + '),
};

describe('policy messages', () => {
  it('has every key in English, Filipino and Portuguese, with the same placeholders', () => {
    expect(POLICY_MESSAGE_KEYS.length).toBeGreaterThan(30);
    for (const key of POLICY_MESSAGE_KEYS) {
      const english = policyTemplate(key, 'en')!;
      for (const language of LANGUAGES) {
        const text = policyTemplate(key, language);
        expect(text?.trim().length, `${key} ${language}`).toBeGreaterThan(0);
        expect(placeholders(text!), `${key} ${language}`).toEqual(placeholders(english));
        if (language !== 'en' && !key.startsWith('policy.channel.')) expect(text, `${key} ${language}`).not.toBe(english);
      }
    }
  });

  it('has words for every message a pack may name (exclusions, exceptions, notices)', () => {
    const named = [
      ...ExclusionRule.shape.message.options.map((m) => `policy.reason.excluded.${m}`),
      ...WindowExtension.shape.message.unwrap().options.map((m) => `policy.reason.${m}`),
      ...NoticeRule.shape.message.options.map((m) => `policy.notice.${m}`),
    ];
    expect(named.length).toBeGreaterThan(10);
    for (const key of named) expect(POLICY_MESSAGE_KEYS).toContain(key);
  });

  it('renders every decision the three packs give, in all three languages, with nothing left unfilled', () => {
    const seen = new Set<string>();
    const known = new Set<string>(POLICY_MESSAGE_KEYS);
    const wrong: string[] = [];
    for (const country of ['PH', 'BR', 'US'] as const) {
      const pack = loadPack(country);
      for (const decision of sweep(country, pack)) {
        for (const m of [...decision.reasons, ...decision.notices]) {
          if (!known.has(m.key)) wrong.push(`unknown key ${m.key}`);
          if (seen.has(`${country} ${m.key} ${JSON.stringify(m.params)}`)) continue;
          seen.add(`${country} ${m.key} ${JSON.stringify(m.params)}`);
          for (const language of LANGUAGES) {
            const text = policyText(m, pack, language, format);
            if (/\{\{|policy\.|undefined/.test(text)) wrong.push(`${country} ${m.key} ${language}: ${text}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    // The sweep reaches every kind of reason the packs can give.
    const reasonKeys = new Set([...seen].map((k) => k.split(' ')[1]!).filter((k) => k.startsWith('policy.reason.')));
    expect(reasonKeys.size).toBeGreaterThanOrEqual(15);
  });

  it('reads as the agent would say it', () => {
    const ph = loadPack('PH');
    const closed = evaluatePolicy(ph, question('PH', { sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 8, proof: ['receipt'] }));
    const say = (language: Language) => closed.reasons.map((r) => policyText(r, ph, language, format));
    expect(say('fil')).toEqual(['Natapos na po noong <2025-03-10> ang 7-day period para dito.']);
    expect(say('en')).toEqual(['The 7-day period for this ended on <2025-03-10>.']);

    const missing = evaluatePolicy(ph, question('PH', { sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 2 }));
    expect(policyText(missing.reasons.at(-1)!, ph, 'fil', format)).toBe('Para ma-process po namin ito, kailangan namin ng resibo + original na packaging.');

    const br = loadPack('BR');
    const big = evaluatePolicy(br, question('BR', { sku: 'MOB-X9-256', kind: 'exchange', reason: 'changed_mind', day: 10, proof: ['original_packaging'] }));
    expect(policyText(big.reasons.at(-1)!, br, 'pt-BR', format)).toBe('Por ser um valor de BRL 3369.90, quem decide é um diretor.');
    expect(policyText(big.notices[0]!, br, 'pt-BR', format)).toBe('Informe ao cliente o número de protocolo deste atendimento.');

    const store = evaluatePolicy(br, question('BR', { sku: 'APP-AF-5L', kind: 'refund', reason: 'changed_mind', day: 2, channel: 'store' }));
    expect(policyText(store.reasons[0]!, br, 'en', format)).toMatch(/^Our policy doesn't cover this request: Store purchases returned for a change of mind/);
  });
});

/** A broad walk over products, reasons, kinds, days, states and tags: most paths through a pack. */
function* sweep(country: DemoCountry, pack: PolicyPack): Generator<PolicyDecision> {
  const products = PRODUCTS.filter((_, i) => i % 6 === 0);
  for (const product of products) {
    for (const reason of POLICY_REQUEST_REASONS) {
      for (const kind of REQUEST_KINDS) {
        for (const day of [3, 8, 61, 200]) {
          for (const [condition, tags, proof, channel] of [
            ['unopened', [], ['receipt', 'original_packaging', 'photo'], 'online'],
            ['opened', ['vip'], [], null],
            ['used', [], ['receipt'], 'store'],
          ] as const) {
            yield evaluatePolicy(pack, question(country, { sku: product.sku, kind, reason, day, condition, tags: [...tags], proof: [...proof], channel, finalSale: day === 8 }));
          }
        }
      }
    }
  }
  // The paths the walk does not take: no delivery date, a foreign currency.
  yield evaluatePolicy(pack, question(country, { sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 3, delivered: false }));
  const q = question(country, { sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 3, proof: ['receipt', 'original_packaging'] });
  yield evaluatePolicy(pack, { ...q, order: { ...q.order, currency: 'EUR' } });
}
