import type { EscalationDecide } from './escalation';
import { type ApprovalLevel, type CustomerAsk, type EscalationPacket, type EscalationStep, MAX_ESCALATION_STEPS } from './escalation-packet';
import type { z } from 'zod';
import type { Author, CaseStatus as CaseStatusSchema } from './interaction';
import type { Role } from './user';

/**
 * Who may decide an escalation, where a new one goes, and what a decision does to it. Pure, so
 * the server (which knows the manager's approval limit) and a supervisor's console (which decides
 * offline and does not) apply exactly the same rules; the server's answer is the one that stays.
 */

/** The levels that decide, which are also the levels an escalation waits at. */
export type DecisionLevel = Exclude<ApprovalLevel, 'representative'>;
type Level = DecisionLevel;
type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const LEVEL_RANK: Readonly<Record<ApprovalLevel, number>> = { representative: 0, manager: 1, director: 2 };

/**
 * The level a person decides at: admins at every level (director); supervisors at manager level
 * unless their account says director (`users.approval_level`); agents and trainers not at all.
 */
export function approverLevelOf(user: { role: Role; approvalLevel?: DecisionLevel | null }): DecisionLevel | null {
  if (user.role === 'admin') return 'director';
  if (user.role === 'supervisor') return user.approvalLevel ?? 'manager';
  return null;
}

/** A decider at `decider` may act on an escalation waiting at `level` (at or below their own). */
export const mayDecideAt = (decider: DecisionLevel | null, level: Level): boolean => decider !== null && LEVEL_RANK[decider] >= LEVEL_RANK[level];

/** The next rung up, or null at the top. */
export const nextLevel = (level: Level): Level | null => (level === 'manager' ? 'director' : null);

/**
 * The most a manager may approve, in major units (pesos, reais, dollars): one amount for every
 * currency, and/or an amount per currency (which wins for its currency). A currency with neither
 * has no limit. Server setting `KALMA_MANAGER_APPROVAL_LIMIT`, e.g. `PHP 10000, BRL 1000, USD 200`,
 * `5000`, `5000, BRL 800`, or `none`.
 */
export interface ManagerApprovalLimit {
  anyCurrency: number | null;
  perCurrency: Readonly<Record<string, number>>;
}

export const NO_MANAGER_LIMIT: ManagerApprovalLimit = { anyCurrency: null, perCurrency: {} };

/** Reads the setting; throws with the part it could not read. */
export function parseManagerApprovalLimit(text: string): ManagerApprovalLimit {
  const trimmed = text.trim();
  if (/^(none|off)$/i.test(trimmed)) return NO_MANAGER_LIMIT;
  let anyCurrency: number | null = null;
  const perCurrency: Record<string, number> = {};
  for (const part of trimmed.split(',').map((p) => p.trim())) {
    const match = /^(?:([A-Za-z]{3})\s*[\s:=]\s*)?(\d+(?:\.\d+)?)$/.exec(part.replace(/_/g, ''));
    if (!match?.[2]) throw new Error(`"${part}" is not an amount or "CUR amount" (e.g. "PHP 10000")`);
    const amount = Number(match[2]);
    const currency = match[1]?.toUpperCase();
    if (currency === undefined) {
      if (anyCurrency !== null) throw new Error('give the amount for every currency once');
      anyCurrency = amount;
    } else {
      if (currency in perCurrency) throw new Error(`${currency} is given twice`);
      perCurrency[currency] = amount;
    }
  }
  return { anyCurrency, perCurrency };
}

/** When the server is not told otherwise. */
export const DEFAULT_MANAGER_APPROVAL_LIMIT: ManagerApprovalLimit = parseManagerApprovalLimit('PHP 10000, BRL 1000, USD 200');

function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The manager's limit for this currency in minor units, or null when there is none. */
export function managerLimitMinor(limit: ManagerApprovalLimit, currency: string): number | null {
  const major = limit.perCurrency[currency] ?? limit.anyCurrency;
  return major === null || major === undefined ? null : Math.round(major * 10 ** minorDigits(currency));
}

/** More money than a manager may approve. */
export function isOverManagerLimit(limit: ManagerApprovalLimit | null, ask: Pick<CustomerAsk, 'amountMinor' | 'currency'>): boolean {
  if (limit === null || ask.amountMinor === undefined || ask.currency === undefined) return false;
  const max = managerLimitMinor(limit, ask.currency);
  return max !== null && ask.amountMinor > max;
}

export interface Route {
  level: Level;
  /** The amount sent it past the manager to a director. */
  overLimit: boolean;
}

/**
 * Where a new escalation waits: with a manager, unless the policy asks for a director or the
 * amount is more than a manager may approve. `limit` null: not known here (a console), so only
 * the policy routes; the server routes again with the limit and its level is the one that stays.
 */
export function routeNew(packet: Pick<EscalationPacket, 'policy' | 'request'>, limit: ManagerApprovalLimit | null): Route {
  if (packet.policy?.level === 'director') return { level: 'director', overLimit: false };
  if (isOverManagerLimit(limit, packet.request)) return { level: 'director', overLimit: true };
  return { level: 'manager', overLimit: false };
}

/** The first step of the trail: the agent raising it from the representative's level. */
export function raisedStep(id: string, at: string, by: Author, route: Route): EscalationStep {
  return { id, action: 'raise', at, by, byLevel: 'representative', from: 'representative', to: route.level, reason: '', overLimit: route.overLimit };
}

export interface EscalationState {
  level: Level;
  status: CaseStatus;
  trail: EscalationStep[];
}

export type RefusalCode = 'not_allowed' | 'below_level' | 'already_decided' | 'top_level' | 'moved_on';
export interface Refusal {
  code: RefusalCode;
  /** For the person who took the decision (the server keeps it as the outbox entry's reason). */
  message: string;
}

export type DecisionResult =
  | { ok: true; changed: false; state: EscalationState }
  | { ok: true; changed: true; state: EscalationState; step: EscalationStep }
  | { ok: false; refusal: Refusal };

export interface Decider {
  author: Author;
  level: DecisionLevel | null;
}

const LEVEL_WORD: Record<ApprovalLevel, string> = { representative: 'an agent', manager: 'a manager', director: 'a director' };

/**
 * Applies one decision. A step already on the trail (same id) changes nothing. Approving more
 * than a manager may approve, as a manager, raises it to a director instead (the approval limit
 * sends larger amounts up on its own); `limit` null (a console) skips that, and the server's
 * answer, pulled back, is what stays.
 */
export function applyDecision(
  state: EscalationState,
  decide: EscalationDecide,
  decider: Decider,
  ask: Pick<CustomerAsk, 'amountMinor' | 'currency'> | null,
  limit: ManagerApprovalLimit | null,
): DecisionResult {
  if (state.trail.some((step) => step.id === decide.id)) return { ok: true, changed: false, state };
  const refuse = (code: RefusalCode, message: string): DecisionResult => ({ ok: false, refusal: { code, message } });
  if (decider.level === null) {
    return refuse('not_allowed', 'Only supervisors, managers and admins decide escalations; this decision was not saved.');
  }
  if (state.status !== 'open') {
    const closing = state.trail.at(-1);
    const who = closing && closing.action !== 'raise' ? ` by ${closing.by.name}` : '';
    const what = closing?.action === 'deny' ? 'denied' : closing?.action === 'approve' ? 'approved' : 'closed';
    return refuse('already_decided', `This escalation was already ${what}${who}; your decision was not saved.`);
  }
  if (decide.decision === 'raise' && decide.seenLevel !== state.level) {
    return refuse('moved_on', `This escalation was already raised to ${LEVEL_WORD[state.level]}; your decision was not saved.`);
  }
  if (!mayDecideAt(decider.level, state.level)) {
    return refuse('below_level', `This escalation waits for ${LEVEL_WORD[state.level]}, and you decide up to ${LEVEL_WORD[decider.level]} level.`);
  }
  let action: EscalationStep['action'] = decide.decision;
  let to: Level = state.level;
  let overLimit = false;
  if (decide.decision === 'raise') {
    const next = nextLevel(state.level);
    if (next === null) return refuse('top_level', "A director's decision is the last one: approve or deny this escalation.");
    to = next;
  } else if (decide.decision === 'approve' && LEVEL_RANK[decider.level] < LEVEL_RANK.director && ask !== null && isOverManagerLimit(limit, ask)) {
    action = 'raise';
    to = 'director';
    overLimit = true;
  }
  const step: EscalationStep = {
    id: decide.id,
    action,
    at: decide.at,
    by: decider.author,
    byLevel: decider.level,
    from: state.level,
    to,
    reason: decide.reason,
    overLimit,
  };
  const trail = [...state.trail, step];
  // Keep the raising step and the latest ones; the server's audit table keeps every step.
  if (trail.length > MAX_ESCALATION_STEPS) trail.splice(1, trail.length - MAX_ESCALATION_STEPS);
  const status: CaseStatus = action === 'raise' ? 'open' : 'resolved';
  return { ok: true, changed: true, step, state: { level: to, status, trail } };
}
