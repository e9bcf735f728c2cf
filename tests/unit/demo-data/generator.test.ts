import { describe, expect, it } from 'vitest';
import { Customer } from '../../../shared/domain/customer';
import { Interaction } from '../../../shared/domain/interaction';
import { Order } from '../../../shared/domain/order';
import { normalizePhone } from '../../../shared/domain/phone';
import { SyncRow } from '../../../shared/domain/sync-row';
import { foldForSearch } from '../../../shared/search/fold';
import { DEFAULT_AS_OF, demoBatches, demoCustomer, syncRowsOf, type DemoBatch } from '../../../server/demo-data/generator';
import { allForms, e164Of } from '../../../server/demo-data/phones';
import { ENGLISH } from '../../../server/demo-data/phrases-en';
import { FILIPINO } from '../../../server/demo-data/phrases-fil';
import { PORTUGUESE } from '../../../server/demo-data/phrases-pt-br';

const collect = (customers: number, seed = 'unit-test'): DemoBatch => {
  const all: DemoBatch = { firstIndex: 0, customers: [], orders: [], interactions: [], rowCount: 0, phoneE164: [] };
  for (const b of demoBatches({ customers, seed, batchSize: 250 })) {
    all.customers.push(...b.customers);
    all.orders.push(...b.orders);
    all.interactions.push(...b.interactions);
    all.rowCount += b.rowCount;
    all.phoneE164.push(...b.phoneE164);
  }
  return all;
};

// One sample shared by the checks below: big enough for the country mix, quick to generate.
const SAMPLE = collect(3_000);

describe('demo data generator', () => {
  it('gives the same bytes for the same seed, and different customers for another seed', () => {
    const again = collect(3_000);
    expect(JSON.stringify(again)).toBe(JSON.stringify(SAMPLE));
    const other = collect(50, 'another-seed');
    expect(other.customers[0]!.name === SAMPLE.customers[0]!.name && other.customers[0]!.id === SAMPLE.customers[0]!.id).toBe(false);
  });

  it('generates customer n on its own exactly as the stream does', () => {
    for (const index of [0, 17, 2_999]) {
      const alone = demoCustomer(index, { seed: 'unit-test' });
      const streamed = SAMPLE.customers[index]!;
      const { version: _v, ...withoutVersion } = streamed;
      expect(alone.customer).toEqual(withoutVersion);
      expect(alone.interactions.map((i) => i.id)).toEqual(SAMPLE.interactions.filter((i) => i.customerId === streamed.id).map((i) => i.id));
    }
  });

  it('produces rows every shared schema accepts, with versions in stream order', () => {
    const rows = syncRowsOf(SAMPLE);
    expect(rows.length).toBe(SAMPLE.rowCount);
    for (const row of rows) {
      const parsed = SyncRow.safeParse(row);
      if (!parsed.success) throw new Error(`${JSON.stringify(row)}\n${parsed.error.message}`);
    }
    for (const c of SAMPLE.customers) Customer.parse(c);
    for (const o of SAMPLE.orders) Order.parse(o);
    for (const i of SAMPLE.interactions) Interaction.parse(i);
    const versions = rows.map((r) => Number(r.data.version)).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  });

  it('never repeats an id, an account number or an order number', () => {
    const ids = [...SAMPLE.customers, ...SAMPLE.orders, ...SAMPLE.interactions].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const accounts = SAMPLE.customers.flatMap((c) => c.accountNumbers ?? []);
    expect(new Set(accounts).size).toBe(accounts.length);
    const orderNumbers = SAMPLE.orders.map((o) => o.number);
    expect(new Set(orderNumbers).size).toBe(orderNumbers.length);
  });

  it('mixes the Philippines, Brazil and the US about 50/35/15, each with its language', () => {
    const byCountry = { PH: 0, BR: 0, US: 0 } as Record<string, number>;
    for (const c of SAMPLE.customers) {
      const country = c.addresses?.[0]?.country ?? '?';
      byCountry[country] = (byCountry[country] ?? 0) + 1;
      const language = { PH: ['fil', 'en'], BR: ['pt-BR'], US: ['en'] }[country];
      expect(language).toContain(c.language);
    }
    const share = (country: string) => (byCountry[country] ?? 0) / SAMPLE.customers.length;
    expect(share('PH')).toBeGreaterThan(0.46);
    expect(share('PH')).toBeLessThan(0.54);
    expect(share('BR')).toBeGreaterThan(0.31);
    expect(share('BR')).toBeLessThan(0.39);
    expect(share('US')).toBeGreaterThan(0.12);
    expect(share('US')).toBeLessThan(0.18);
  });

  it('writes names with their accents and particles, which fold to what agents type', () => {
    const names = SAMPLE.customers.map((c) => c.name);
    const accented = names.filter((n) => foldForSearch(n) !== n.toLowerCase());
    expect(accented.length / names.length).toBeGreaterThan(0.2);
    for (const needle of ['João', 'Conceição', 'Nuñez', 'Dela Cruz', 'Gonçalves', 'Araújo', 'Magbanua']) {
      expect(names.some((n) => n.includes(needle)), needle).toBe(true);
    }
    const joao = names.find((n) => n.startsWith('João'))!;
    expect(foldForSearch(joao).startsWith('joao')).toBe(true);
  });

  it('stores phone numbers in local formats that normalize to the customer’s own country', () => {
    const formats = new Set<string>();
    for (let index = 0; index < 600; index++) {
      const demo = demoCustomer(index, { seed: 'unit-test' });
      const country = demo.customer.addresses![0]!.country;
      demo.customer.phones!.forEach((p, k) => {
        const normalized = normalizePhone(p.number, country as 'PH');
        expect(normalized, p.number).not.toBeNull();
        expect(normalized!.region).toBe(country);
        expect(normalized!.valid, p.number).toBe(true);
        expect(normalized!.e164).toBe(e164Of(demo.dialable[k]!));
        // Digits become 9, except a leading trunk 0, which is what tells local forms apart.
        formats.add(`${country}:${p.number.replace(/(?<!^)\d|^[1-9]/g, '9')}`);
      });
    }
    // Several ways of writing numbers per country, including the trunk-prefixed local ones.
    for (const shape of ['PH:0999 999 9999', 'PH:+99 999 999 9999', 'PH:09999999999', 'BR:(99) 99999-9999', 'BR:+99 99 99999-9999', 'US:(999) 999-9999']) {
      expect(formats, shape).toContain(shape);
    }
  });

  it('gives every number forms a caller ID may carry, all the same number under its region', () => {
    const demo = demoCustomer(5, { seed: 'unit-test' });
    for (const phone of demo.dialable) {
      const full = allForms(phone).filter((f) => f.replace(/\D/g, '').length >= 10);
      for (const form of full) expect(normalizePhone(form, phone.country)?.e164, form).toBe(e164Of(phone));
    }
  });

  it('tells believable histories: every kind of interaction, tied to the customer’s own orders', () => {
    const kinds = new Set(SAMPLE.interactions.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['call', 'callback', 'complaint', 'escalation', 'exchange_request', 'note', 'refund_request', 'return_request', 'survey']);
    const orderOwner = new Map(SAMPLE.orders.map((o) => [o.id, o.customerId]));
    for (const i of SAMPLE.interactions) {
      if (i.orderId) expect(orderOwner.get(i.orderId)).toBe(i.customerId);
      expect(i.occurredAt <= DEFAULT_AS_OF).toBe(true);
      if (i.kind === 'callback' && i.status === 'scheduled') expect(i.dueAt > DEFAULT_AS_OF).toBe(true);
    }
    for (const o of SAMPLE.orders) expect(o.totalMinor).toBe((o.items ?? []).reduce((s, it) => s + it.quantity * it.unitPriceMinor, 0));
    const statuses = new Set(SAMPLE.orders.map((o) => o.status));
    for (const s of ['delivered', 'returned', 'refunded', 'exchanged', 'cancelled', 'shipped']) expect(statuses, s).toContain(s);
    const tags = new Set(SAMPLE.customers.flatMap((c) => c.tags ?? []));
    for (const t of ['vip', 'at-risk', 'repeat', 'new']) expect(tags, t).toContain(t);
  });

  it('writes surveys in the customer’s language and notes in Filipino, Portuguese or English', () => {
    const language = new Map(SAMPLE.customers.map((c) => [c.id, c.language]));
    const surveyTexts = { fil: FILIPINO, 'pt-BR': PORTUGUESE, en: ENGLISH } as const;
    let checked = 0;
    for (const i of SAMPLE.interactions) {
      if (i.kind !== 'survey' || !i.text) continue;
      const book = surveyTexts[language.get(i.customerId) as keyof typeof surveyTexts];
      expect(Object.values(book.survey).flat()).toContain(i.text);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
    const brazilian = SAMPLE.interactions.filter((i) => language.get(i.customerId) === 'pt-BR' && i.kind === 'call');
    expect(brazilian.some((i) => /\b(Cliente|pedido)\b/.test(i.text ?? ''))).toBe(true);
    const filipino = SAMPLE.interactions.filter((i) => language.get(i.customerId) === 'fil' && i.kind === 'call');
    expect(filipino.every((i) => !/\b(Cliente|pedido)\b/.test(i.text ?? ''))).toBe(true);
    expect(filipino.some((i) => /\b(ang|na|si|ng)\b/.test(i.text ?? ''))).toBe(true);
  });

  it('streams in batches without holding the whole set', () => {
    const sizes = [...demoBatches({ customers: 1_050, seed: 'unit-test', batchSize: 500 })].map((b) => [b.firstIndex, b.customers.length]);
    expect(sizes).toEqual([[0, 500], [500, 500], [1_000, 50]]);
  });
});
