import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EscalationDecide, EscalationRaise, outcomeOf } from '../../../shared/domain/escalation';
import { EscalationPacket } from '../../../shared/domain/escalation-packet';
import {
  applyDecision,
  approverLevelOf,
  DEFAULT_MANAGER_APPROVAL_LIMIT,
  isOverManagerLimit,
  managerLimitMinor,
  parseManagerApprovalLimit,
  raisedStep,
  routeNew,
  type EscalationState,
} from '../../../shared/domain/escalation-routing';
import { OutboxMutation } from '../../../shared/domain/outbox';

const agent = { id: 'u-agent', name: 'Maria Santos' };
const manager = { author: { id: 'u-sup', name: 'Jose Reyes' }, level: 'manager' as const };
const director = { author: { id: 'u-dir', name: 'Ana Lima' }, level: 'director' as const };

const packet = (fields: Record<string, unknown> = {}) => ({
  customer: { id: 'c1', name: 'Lorna Dizon' },
  reason: 'Refund asked 40 days after delivery',
  request: { text: 'Full refund', amountMinor: 120_000, currency: 'PHP' },
  ...fields,
});

function decide(decision: 'approve' | 'deny' | 'raise', fields: Record<string, unknown> = {}) {
  return EscalationDecide.parse({ id: randomUUID(), escalationId: 'e1', decision, seenLevel: 'manager', at: '2025-03-01T02:05:00Z', ...fields });
}

function waiting(level: 'manager' | 'director' = 'manager'): EscalationState {
  return { level, status: 'open', trail: [raisedStep('e1', '2025-03-01T02:00:00Z', agent, { level, overLimit: false })] };
}

describe('the escalation packet', () => {
  it('takes what the agent filled in and fills the rest with empty values', () => {
    const parsed = EscalationPacket.parse(packet());
    expect(parsed).toMatchObject({ order: null, item: null, policy: null, scriptSteps: [], triggers: [], notes: '', callId: null, callReference: null });
    expect(parsed.customer.tags).toEqual([]);
  });

  it('refuses a packet without a reason or without what the customer asks for', () => {
    expect(EscalationPacket.safeParse(packet({ reason: '  ' })).success).toBe(false);
    expect(EscalationPacket.safeParse(packet({ request: { text: '' } })).success).toBe(false);
  });

  it('refuses an amount without its currency, and a call reference that is not one', () => {
    expect(EscalationPacket.safeParse(packet({ request: { text: 'Refund', amountMinor: 100 } })).success).toBe(false);
    expect(EscalationPacket.safeParse(packet({ callReference: '12345' })).success).toBe(false);
    expect(EscalationPacket.safeParse(packet({ callReference: '0301-K7QX-3MPA' })).success).toBe(true);
  });

  it("accepts the policy evaluator's result as data, and refuses one that is not", () => {
    const ok = EscalationPacket.parse(packet({ policy: { outcome: 'needs-approval', level: 'manager', ruleIds: ['ph-window-30'] } }));
    expect(ok.policy).toEqual({ outcome: 'needs-approval', level: 'manager', ruleIds: ['ph-window-30'] });
    expect(EscalationPacket.safeParse(packet({ policy: { outcome: 'Eligible!', ruleIds: [] } })).success).toBe(false);
    expect(EscalationPacket.safeParse(packet({ policy: { outcome: 'eligible', level: 'ceo', ruleIds: [] } })).success).toBe(false);
  });

  it('travels in the outbox only with the fields the server stores', () => {
    const raise = { id: randomUUID(), customerId: 'c1', occurredAt: '2025-03-01T02:00:00Z', packet: packet() };
    expect(OutboxMutation.safeParse({ kind: 'escalation.raise', payload: raise }).success).toBe(true);
    expect(EscalationRaise.safeParse({ ...raise, level: 'director' }).success).toBe(false);
    expect(EscalationRaise.safeParse({ ...raise, packet: { ...packet(), approvedBy: 'me' } }).success).toBe(false);
    // A trail cannot be slipped in through a plain history record either.
    const forged = { id: 'e9', kind: 'escalation', customerId: 'c1', occurredAt: '2025-03-01T02:00:00Z', level: 'manager', version: '0', trail: [] };
    expect(OutboxMutation.safeParse({ kind: 'interaction.create', payload: forged }).success).toBe(false);
  });

  it('needs a reason the agent can read out for a denial, not for an approval', () => {
    expect(EscalationDecide.safeParse({ id: randomUUID(), escalationId: 'e1', decision: 'deny', reason: ' ', seenLevel: 'manager', at: '2025-03-01T02:05:00Z' }).success).toBe(false);
    expect(decide('approve').reason).toBe('');
  });
});

describe("the manager's approval limit", () => {
  it('reads one amount, amounts per currency, both, or none', () => {
    expect(parseManagerApprovalLimit('5000')).toEqual({ anyCurrency: 5000, perCurrency: {} });
    expect(parseManagerApprovalLimit('PHP 10000, brl=1000, USD:200.50')).toEqual({ anyCurrency: null, perCurrency: { PHP: 10000, BRL: 1000, USD: 200.5 } });
    expect(parseManagerApprovalLimit('5000, BRL 800')).toEqual({ anyCurrency: 5000, perCurrency: { BRL: 800 } });
    expect(parseManagerApprovalLimit('none')).toEqual({ anyCurrency: null, perCurrency: {} });
  });

  it('says which part of a setting it cannot read', () => {
    expect(() => parseManagerApprovalLimit('PHP ten thousand')).toThrow(/PHP ten thousand/);
    expect(() => parseManagerApprovalLimit('PHP 1, PHP 2')).toThrow(/PHP is given twice/);
    expect(() => parseManagerApprovalLimit('1, 2')).toThrow(/once/);
  });

  it('compares in minor units of the currency asked for; a currency without a limit has none', () => {
    expect(managerLimitMinor(DEFAULT_MANAGER_APPROVAL_LIMIT, 'PHP')).toBe(1_000_000);
    expect(managerLimitMinor(DEFAULT_MANAGER_APPROVAL_LIMIT, 'EUR')).toBeNull();
    expect(managerLimitMinor(parseManagerApprovalLimit('1000'), 'JPY')).toBe(1000);
    expect(isOverManagerLimit(DEFAULT_MANAGER_APPROVAL_LIMIT, { amountMinor: 1_000_000, currency: 'PHP' })).toBe(false);
    expect(isOverManagerLimit(DEFAULT_MANAGER_APPROVAL_LIMIT, { amountMinor: 1_000_001, currency: 'PHP' })).toBe(true);
    expect(isOverManagerLimit(DEFAULT_MANAGER_APPROVAL_LIMIT, { amountMinor: 10 ** 9, currency: 'EUR' })).toBe(false);
    expect(isOverManagerLimit(null, { amountMinor: 10 ** 9, currency: 'PHP' })).toBe(false);
  });
});

describe('where an escalation goes', () => {
  it('waits for a manager, unless the policy names a director or the amount is over the limit', () => {
    const within = EscalationPacket.parse(packet());
    expect(routeNew(within, DEFAULT_MANAGER_APPROVAL_LIMIT)).toEqual({ level: 'manager', overLimit: false });
    const large = EscalationPacket.parse(packet({ request: { text: 'Refund', amountMinor: 1_500_000, currency: 'PHP' } }));
    expect(routeNew(large, DEFAULT_MANAGER_APPROVAL_LIMIT)).toEqual({ level: 'director', overLimit: true });
    // A console does not know the limit: only the server routes on the amount.
    expect(routeNew(large, null)).toEqual({ level: 'manager', overLimit: false });
    const byPolicy = EscalationPacket.parse(packet({ policy: { outcome: 'needs-approval', level: 'director', ruleIds: [] } }));
    expect(routeNew(byPolicy, DEFAULT_MANAGER_APPROVAL_LIMIT)).toEqual({ level: 'director', overLimit: false });
  });

  it('is decided by supervisors as managers, by directors and admins at every level, never by agents or trainers', () => {
    expect(approverLevelOf({ role: 'supervisor' })).toBe('manager');
    expect(approverLevelOf({ role: 'supervisor', approvalLevel: 'director' })).toBe('director');
    expect(approverLevelOf({ role: 'admin' })).toBe('director');
    expect(approverLevelOf({ role: 'agent', approvalLevel: 'director' })).toBeNull();
    expect(approverLevelOf({ role: 'trainer' })).toBeNull();
  });
});

describe('a decision', () => {
  it('approves or denies at the level it waits at, closing it with the step on the trail', () => {
    const approved = applyDecision(waiting(), decide('approve', { reason: 'Goodwill' }), manager, null, DEFAULT_MANAGER_APPROVAL_LIMIT);
    expect(approved).toMatchObject({ ok: true, changed: true, state: { level: 'manager', status: 'resolved' } });
    if (!approved.ok || !approved.changed) throw new Error('expected a change');
    expect(approved.step).toMatchObject({ action: 'approve', by: manager.author, byLevel: 'manager', from: 'manager', to: 'manager', reason: 'Goodwill' });
    expect(outcomeOf(approved.state)).toBe('approved');
    const denied = applyDecision(waiting(), decide('deny', { reason: 'Outside the window' }), manager, null, null);
    expect(denied.ok && outcomeOf(denied.state)).toBe('denied');
  });

  it('raises to the next level, and a director has none above', () => {
    const raised = applyDecision(waiting(), decide('raise'), manager, null, null);
    expect(raised).toMatchObject({ ok: true, state: { level: 'director', status: 'open' } });
    expect(raised.ok && outcomeOf(raised.state)).toBe('waiting');
    const top = applyDecision(waiting('director'), decide('raise', { seenLevel: 'director' }), director, null, null);
    expect(top).toMatchObject({ ok: false, refusal: { code: 'top_level' } });
  });

  it('is refused below the level it waits at, and from anyone who does not decide', () => {
    expect(applyDecision(waiting('director'), decide('approve', { seenLevel: 'director' }), manager, null, null)).toMatchObject({
      ok: false,
      refusal: { code: 'below_level', message: expect.stringMatching(/waits for a director/) },
    });
    expect(applyDecision(waiting(), decide('approve'), { author: agent, level: null }, null, null)).toMatchObject({ ok: false, refusal: { code: 'not_allowed' } });
    // A director may decide what waits for a manager.
    expect(applyDecision(waiting(), decide('approve'), director, null, null)).toMatchObject({ ok: true, changed: true });
  });

  it('changes nothing when the same step arrives again, and refuses a second decision', () => {
    const step = decide('deny', { reason: 'Outside the window' });
    const first = applyDecision(waiting(), step, manager, null, null);
    if (!first.ok) throw new Error('expected the denial to apply');
    expect(applyDecision(first.state, step, manager, null, null)).toEqual({ ok: true, changed: false, state: first.state });
    expect(applyDecision(first.state, decide('approve'), director, null, null)).toMatchObject({
      ok: false,
      refusal: { code: 'already_decided', message: expect.stringMatching(/already denied by Jose Reyes/) },
    });
  });

  it('refuses a raise from a screen that showed an older level', () => {
    const raised = applyDecision(waiting(), decide('raise'), manager, null, null);
    if (!raised.ok) throw new Error('expected the raise to apply');
    expect(applyDecision(raised.state, decide('raise'), director, null, null)).toMatchObject({ ok: false, refusal: { code: 'moved_on' } });
  });

  it("sends a manager's approval of more than their limit to a director instead", () => {
    const ask = { amountMinor: 1_500_000, currency: 'PHP' };
    const result = applyDecision(waiting(), decide('approve', { reason: 'Loyal customer' }), manager, ask, DEFAULT_MANAGER_APPROVAL_LIMIT);
    expect(result).toMatchObject({ ok: true, state: { level: 'director', status: 'open' }, step: { action: 'raise', overLimit: true, to: 'director' } });
    // A director's approval of the same amount stands; so does a console's, which does not know the limit.
    expect(applyDecision(waiting(), decide('approve'), director, ask, DEFAULT_MANAGER_APPROVAL_LIMIT)).toMatchObject({ state: { status: 'resolved' } });
    expect(applyDecision(waiting(), decide('approve'), manager, ask, null)).toMatchObject({ state: { status: 'resolved' } });
  });
});
