import { addDays, daysBetween, isCalendarDate, localDate } from './calendar-days';
import type { PolicyDecision, PolicyFee, PolicyMessage } from './policy-decision';
import type { PolicyMessageKey } from './messages';
import type {
  AmountRule,
  ApprovalLevel,
  ApprovalLimitRule,
  ExclusionRule,
  FallbackRule,
  FeeRule,
  ItemMatch,
  NoticeRule,
  OrderChannel,
  PolicyPack,
  PolicyRequestKind,
  PolicyRequestReason,
  PolicyRule,
  WindowRule,
} from './policy-pack';
import { PolicyQuestion, type PolicyQuestionInput } from './policy-question';

/**
 * The policy evaluator: pack + customer, order, item, request and today → eligible, not eligible,
 * or needs a manager's or director's approval, citing the rules that decided. Pure: same input,
 * same answer; today is an input, days are counted in the pack's time zone.
 *
 * How a pack decides:
 * 1. The windows that cover the request (kind, reason, channel, item) are the customer's options;
 *    a window's `replaces` hides the company windows it stands in for.
 * 2. Each window gives a verdict: within its days → yes; past them → the first extension the
 *    customer qualifies for (VIP, hidden defect …) → approval at its level; otherwise closed.
 *    Company windows then meet exclusions, fees and amount thresholds; statutory ones never do.
 *    Missing proof holds a verdict back until the customer sends it.
 * 3. The customer gets the best verdict: open before waiting-for-proof before closed, then the
 *    lowest approval level, then the smallest fee.
 * 4. An approval a manager would give above their limit goes to a director.
 * No window at all → the pack's fallback rule.
 */
export function evaluatePolicy(pack: PolicyPack, input: PolicyQuestionInput): PolicyDecision {
  const facts = factsOf(pack, PolicyQuestion.parse(input));
  const windows = applicableWindows(pack, facts);
  const verdict = windows.length === 0 ? fallbackVerdict(only<FallbackRule>(pack, 'fallback')) : bestVerdict(windows.map((w, i) => windowVerdict(pack, facts, w, i)));
  return finish(pack, facts, verdict);
}

const LEVEL_RANK: Readonly<Record<ApprovalLevel, number>> = { representative: 0, manager: 1, director: 2 };
const STATUS_RANK = { open: 0, proof: 1, closed: 2 } as const;

const higher = (a: ApprovalLevel, b: ApprovalLevel): ApprovalLevel => (LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b);

interface Facts {
  kind: PolicyRequestKind;
  reason: PolicyRequestReason;
  channel: OrderChannel | null;
  channelAssumed: boolean;
  tags: ReadonlySet<string>;
  sku: string;
  category: string | null;
  finalSale: boolean;
  condition: PolicyQuestion['request']['itemCondition'];
  proof: ReadonlySet<string>;
  today: string;
  delivered: string | null;
  purchased: string;
  amountMinor: number;
  currency: string;
  currencyMatches: boolean;
}

interface Verdict {
  status: keyof typeof STATUS_RANK;
  level: ApprovalLevel;
  decidedBy: string[];
  reasons: PolicyMessage[];
  fees: PolicyFee[];
  order: number;
}

function factsOf(pack: PolicyPack, q: PolicyQuestion): Facts {
  const zone = pack.timeZone;
  const quantity = q.request.quantity ?? q.item.quantity;
  return {
    kind: q.request.kind,
    reason: q.request.reason,
    channel: q.order.channel ?? pack.unknownChannel,
    channelAssumed: q.order.channel === null && pack.unknownChannel !== null,
    tags: new Set(q.customer.tags),
    sku: q.item.sku,
    category: q.item.category,
    finalSale: q.item.finalSale,
    condition: q.request.itemCondition,
    proof: new Set(q.request.proof),
    today: isCalendarDate(q.today) ? q.today : localDate(q.today, zone),
    delivered: q.order.deliveredAt === null ? null : localDate(q.order.deliveredAt, zone),
    purchased: localDate(q.order.placedAt, zone),
    amountMinor: q.request.amountMinor ?? q.item.unitPriceMinor * quantity,
    currency: q.order.currency,
    currencyMatches: q.order.currency === pack.currency,
  };
}

const message = (key: PolicyMessageKey, ruleId: string, params: PolicyMessage['params'] = {}): PolicyMessage => ({ key, ruleId, params });

function rulesOf<R extends PolicyRule>(pack: PolicyPack, kind: R['kind']): R[] {
  return pack.rules.filter((r): r is R => r.kind === kind);
}

function only<R extends PolicyRule>(pack: PolicyPack, kind: R['kind']): R {
  const rule = rulesOf<R>(pack, kind)[0];
  // The pack schema guarantees one; a pack built by hand without parsing is a programming error.
  if (!rule) throw new Error(`policy pack ${pack.id} has no ${kind} rule`);
  return rule;
}

function itemMatches(match: ItemMatch, f: Facts): boolean {
  if (match.categories || match.skus) {
    const listed = (f.category !== null && match.categories?.includes(f.category)) || match.skus?.includes(f.sku);
    if (!listed) return false;
  }
  if (match.exceptSkus?.includes(f.sku)) return false;
  if (match.finalSale !== undefined && match.finalSale !== f.finalSale) return false;
  if (match.conditions && !match.conditions.includes(f.condition)) return false;
  return true;
}

interface Scope {
  requests: PolicyRequestKind[];
  reasons?: PolicyRequestReason[] | undefined;
  channels?: OrderChannel[] | undefined;
  item?: ItemMatch;
}

function inScope(scope: Scope, f: Facts, { ignoreChannel = false } = {}): boolean {
  if (!scope.requests.includes(f.kind)) return false;
  if (scope.reasons && !scope.reasons.includes(f.reason)) return false;
  if (!ignoreChannel && scope.channels && (f.channel === null || !scope.channels.includes(f.channel))) return false;
  return scope.item ? itemMatches(scope.item, f) : true;
}

function applicableWindows(pack: PolicyPack, f: Facts): WindowRule[] {
  const matching = rulesOf<WindowRule>(pack, 'window').filter((w) => inScope(w, f));
  const replaced = new Set(matching.flatMap((w) => w.replaces));
  return matching.filter((w) => !replaced.has(w.id));
}

function windowVerdict(pack: PolicyPack, f: Facts, w: WindowRule, order: number): Verdict {
  const fromPurchase = w.from === 'purchase' || f.delivered === null;
  const start = fromPurchase ? f.purchased : (f.delivered as string);
  const elapsed = Math.max(0, daysBetween(start, f.today));
  const lastDay = addDays(start, w.days);
  const params = { rule: w.id, days: w.days, lastDay };
  const verdict: Verdict = { status: 'open', level: 'representative', decidedBy: [w.id], reasons: [], fees: [], order };
  if (w.from === 'delivery' && f.delivered === null) verdict.reasons.push(message('policy.reason.countedFromPurchase', w.id, { startDay: start }));

  if (elapsed <= w.days) {
    verdict.reasons.push(message('policy.reason.withinWindow', w.id, params));
  } else {
    const extension = w.beyond.find(
      (e) =>
        (!e.tags || e.tags.some((t) => f.tags.has(t))) &&
        (!e.reasons || e.reasons.includes(f.reason)) &&
        (e.extraDays === null || elapsed <= w.days + e.extraDays),
    );
    if (extension) {
      verdict.level = extension.level;
      verdict.decidedBy.push(extension.id);
      const withUntil: PolicyMessage['params'] = { ...params };
      if (extension.extraDays !== null) withUntil.exceptionUntil = addDays(lastDay, extension.extraDays);
      verdict.reasons.push(message(`policy.reason.${extension.message}`, extension.id, withUntil));
    } else {
      verdict.status = 'closed';
      verdict.reasons.push(message('policy.reason.windowClosed', w.id, params));
    }
  }

  if (w.basis === 'company') applyCompanyRules(pack, f, verdict);
  if (verdict.status === 'open') {
    const missing = w.proof.filter((p) => !f.proof.has(p));
    if (missing.length > 0) {
      verdict.status = 'proof';
      verdict.reasons.push(message('policy.reason.proofMissing', w.id, { proof: missing }));
    }
  }
  return verdict;
}

/** Exclusions, fees and amount thresholds: the company's own limits on its own windows. */
function applyCompanyRules(pack: PolicyPack, f: Facts, verdict: Verdict): void {
  const exclusions = rulesOf<ExclusionRule>(pack, 'exclusion').filter((x) => inScope(x, f));
  const refusals = exclusions.filter((x) => x.level === 'refuse');
  if (refusals.length > 0) {
    // An item the company never takes back: the window's days no longer matter to the customer.
    verdict.status = 'closed';
    verdict.decidedBy = refusals.map((x) => x.id);
    verdict.reasons = refusals.map((x) => message(`policy.reason.excluded.${x.message}`, x.id, { rule: x.id }));
    return;
  }
  if (verdict.status === 'closed') return;
  for (const x of exclusions) {
    verdict.level = higher(verdict.level, x.level as ApprovalLevel);
    verdict.decidedBy.push(x.id);
    verdict.reasons.push(message(`policy.reason.excluded.${x.message}`, x.id, { rule: x.id }));
  }
  for (const fee of rulesOf<FeeRule>(pack, 'fee').filter((r) => inScope(r, f))) {
    const amountMinor = Math.round((f.amountMinor * fee.percent) / 100);
    verdict.fees.push({ ruleId: fee.id, percent: fee.percent, amountMinor, currency: f.currency });
    verdict.decidedBy.push(fee.id);
    verdict.reasons.push(message('policy.reason.restockingFee', fee.id, { percent: fee.percent, feeMinor: amountMinor, currency: f.currency }));
  }
  const thresholds = rulesOf<AmountRule>(pack, 'amount').filter((r) => inScope(r, f));
  if (thresholds.length > 0 && !f.currencyMatches) {
    // Thresholds are in the pack's currency; an order in another one is for a manager to weigh.
    verdict.level = higher(verdict.level, 'manager');
    verdict.decidedBy.push(thresholds[0]!.id);
    verdict.reasons.push(message('policy.reason.currencyMismatch', thresholds[0]!.id, { currency: f.currency }));
    return;
  }
  for (const t of thresholds.filter((r) => f.amountMinor > r.overMinor)) {
    verdict.level = higher(verdict.level, t.level);
    verdict.decidedBy.push(t.id);
    verdict.reasons.push(message('policy.reason.amountOverThreshold', t.id, { amountMinor: f.amountMinor, limitMinor: t.overMinor, currency: f.currency }));
  }
}

function bestVerdict(verdicts: Verdict[]): Verdict {
  const fee = (v: Verdict) => v.fees.reduce((sum, x) => sum + x.amountMinor, 0);
  const sorted = [...verdicts].sort(
    (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || fee(a) - fee(b) || a.order - b.order,
  );
  const best = sorted[0]!;
  if (best.status !== 'closed') return best;
  // Every option is closed: the customer hears each one, so nobody has to ask "and the warranty?".
  return {
    ...best,
    decidedBy: unique(sorted.flatMap((v) => v.decidedBy)),
    reasons: uniqueMessages(sorted.flatMap((v) => v.reasons)),
  };
}

function fallbackVerdict(rule: FallbackRule): Verdict {
  return rule.level === 'refuse'
    ? { status: 'closed', level: 'representative', decidedBy: [rule.id], reasons: [message('policy.reason.notCovered', rule.id, { rule: rule.id })], fees: [], order: 0 }
    : { status: 'open', level: rule.level, decidedBy: [rule.id], reasons: [message('policy.reason.caseByCase', rule.id, { rule: rule.id })], fees: [], order: 0 };
}

function finish(pack: PolicyPack, f: Facts, verdict: Verdict): PolicyDecision {
  const decidedBy = [...verdict.decidedBy];
  const reasons = [...verdict.reasons];
  let level = verdict.level;
  if (verdict.status === 'open' && level === 'manager') {
    const limit = only<ApprovalLimitRule>(pack, 'approval-limit');
    if (f.currencyMatches && f.amountMinor > limit.managerMaxMinor) {
      level = 'director';
      decidedBy.push(limit.id);
      reasons.push(message('policy.reason.aboveManagerLimit', limit.id, { amountMinor: f.amountMinor, limitMinor: limit.managerMaxMinor, currency: f.currency }));
    }
  }
  const outcome = verdict.status !== 'open' ? 'not-eligible' : level === 'representative' ? 'eligible' : 'needs-approval';
  const common = {
    packId: pack.id,
    packVersion: pack.version,
    decidedBy: unique(decidedBy),
    reasons: uniqueMessages(reasons),
    notices: noticesFor(pack, f, outcome, decidedBy),
    fees: outcome === 'not-eligible' ? [] : verdict.fees,
  };
  return outcome === 'needs-approval' ? { outcome, level: level as 'manager' | 'director', ...common } : { outcome, ...common };
}

function noticesFor(pack: PolicyPack, f: Facts, outcome: PolicyDecision['outcome'], decidedBy: string[]): PolicyMessage[] {
  const notices: PolicyMessage[] = [];
  if (f.channelAssumed) {
    // Say so only when a window that names channels could have applied: then the guess mattered.
    const guessed = rulesOf<WindowRule>(pack, 'window').find((w) => w.channels && inScope(w, f, { ignoreChannel: true }));
    if (guessed) notices.push(message('policy.notice.channelAssumed', guessed.id, { channel: f.channel as string }));
  }
  for (const n of rulesOf<NoticeRule>(pack, 'notice')) {
    if (n.when !== 'always' && n.when !== outcome) continue;
    if (n.ifRule && !decidedBy.includes(n.ifRule)) continue;
    notices.push(message(`policy.notice.${n.message}`, n.id, { rule: n.id }));
  }
  return notices;
}

const unique = (ids: string[]): string[] => [...new Set(ids)];

function uniqueMessages(messages: PolicyMessage[]): PolicyMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = `${m.key}|${m.ruleId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
