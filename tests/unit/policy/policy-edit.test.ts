import { describe, expect, it } from 'vitest';
import { defaultPolicyPack } from '../../../server/guidance/defaults';
import { evaluatePolicy, PolicyPack, type WindowRule } from '../../../shared/policy';
import {
  DEFAULT_SAMPLE,
  issuesByRule,
  parseList,
  parseWhole,
  sampleQuestion,
  toggled,
  updateExtension,
  updateRule,
} from '../../../renderer/src/features/admin/policy-edit';

const ph = defaultPolicyPack('ph');
const windowOf = (pack: PolicyPack, id: string) => pack.rules.find((r): r is WindowRule => r.id === id && r.kind === 'window')!;

describe("the admin's policy edits", () => {
  it('changes one rule and leaves the shipped pack and every other rule as they were', () => {
    const edited = updateRule(ph, 'ph-change-of-mind', (r) => ({ ...r, days: 3 }) as WindowRule);
    expect(windowOf(edited, 'ph-change-of-mind').days).toBe(3);
    expect(windowOf(ph, 'ph-change-of-mind').days).toBe(7);
    expect(edited.rules.filter((r) => r.id !== 'ph-change-of-mind')).toEqual(ph.rules.filter((r) => r.id !== 'ph-change-of-mind'));
    expect(PolicyPack.safeParse(edited).success).toBe(true);
  });

  it("changes the approval level of one exception, which the evaluator then names", () => {
    const edited = updateExtension(ph, 'ph-change-of-mind', 'ph-change-of-mind-vip', (e) => ({ ...e, level: 'director' }));
    const vipLate = { ...DEFAULT_SAMPLE, vip: true, daysSinceDelivery: 12 };
    const now = new Date('2026-06-15T04:00:00Z');
    expect(evaluatePolicy(ph, sampleQuestion(ph, vipLate, now))).toMatchObject({ outcome: 'needs-approval', level: 'manager' });
    expect(evaluatePolicy(edited, sampleQuestion(edited, vipLate, now))).toMatchObject({ outcome: 'needs-approval', level: 'director' });
  });

  it('turns typed lists and numbers into pack values', () => {
    expect(parseList(' Beauty, baby ,, beauty')).toEqual(['beauty', 'baby']);
    expect(parseList(' , ')).toBeUndefined();
    expect(parseWhole('14')).toBe(14);
    expect(parseWhole('1.5')).toBeNull();
    expect(parseWhole('')).toBeNull();
    expect(toggled(['return'], 'refund', true)).toEqual(['return', 'refund']);
    // An optional list emptied means "any", which the pack writes by leaving it out.
    expect(toggled(['defective'], 'defective', false)).toBeUndefined();
  });

  it('puts each validation issue beside the rule it is about', () => {
    const index = ph.rules.findIndex((r) => r.id === 'ph-defect');
    const byRule = issuesByRule(ph, [
      { path: `pack.rules.${index}.days`, message: 'Too small' },
      { path: `rules.${index}.beyond.0.extraDays`, message: 'Too small' },
      { path: 'pack.notLegalAdvice', message: 'Invalid input' },
    ]);
    expect(byRule.get('ph-defect')).toEqual(['days: Too small', 'beyond.0.extraDays: Too small']);
    expect(byRule.get('')).toEqual(['pack.notLegalAdvice: Invalid input']);
  });

  it('asks the evaluator about a sample as many days after delivery as the admin says, in the pack time zone', () => {
    // 23:30 UTC is already the next day in Manila.
    const now = new Date('2026-06-15T23:30:00Z');
    const question = sampleQuestion(ph, { ...DEFAULT_SAMPLE, daysSinceDelivery: 7 }, now);
    expect(question.today).toBe('2026-06-16');
    expect(question.order.deliveredAt).toBe('2026-06-09T12:00:00Z');
    expect(evaluatePolicy(ph, question).outcome).toBe('eligible');
    expect(evaluatePolicy(ph, sampleQuestion(ph, { ...DEFAULT_SAMPLE, daysSinceDelivery: 8 }, now)).outcome).toBe('not-eligible');
  });
});
