import { z } from 'zod';
import { DispositionCodeValue } from '../domain/disposition';
import { AudioCueThresholds, type AudioCue } from './audio-cues';
import { GuidanceSituation } from './situations';

/**
 * What can open a guidance prompt during a call, how much each matters, and the team's
 * thresholds. The scheduler that decides what the agent actually sees is in triggers-scheduler.ts.
 *
 * Situations are named by id (situations.ts): the scripts themselves are content, and the
 * scheduler only needs to know which one a prompt opens and whether it is already on screen.
 */

export const SituationId = GuidanceSituation;
export type SituationId = GuidanceSituation;

const SITUATIONS = {
  upset: 'customer-upset',
  outsidePolicy: 'refund-outside-window',
  defective: 'defective-product',
  repeatComplaint: 'repeat-complaint',
  manager: 'asks-for-manager',
  cancellation: 'cancellation',
  crossSell: 'cross-sell-eligible',
} as const satisfies Record<string, SituationId>;

export const TRIGGER_SOURCES = ['agent', 'call-reason', 'customer-history', 'call-timer', 'hold', 'audio-cue'] as const;
export type TriggerSource = (typeof TRIGGER_SOURCES)[number];

export const TRIGGER_IDS = [
  /** The agent pressed the hotkey or the "customer upset" button. */
  'customer-upset',
  /** The agent chose a call reason or disposition that has a script. */
  'call-reason',
  'repeat-complaint',
  'open-case',
  'vip-customer',
  'at-risk-customer',
  'call-over-target',
  'long-hold',
  'customer-level-rise',
  'overtalk',
  'long-silence',
] as const;
export const TriggerId = z.enum(TRIGGER_IDS);
export type TriggerId = z.infer<typeof TriggerId>;

export interface TriggerDefinition {
  id: TriggerId;
  source: TriggerSource;
  /** Higher is shown first when prompts wait their turn (0–100). */
  priority: number;
  /** After one firing is taken, the same trigger is ignored for this long. */
  cooldownSeconds: number;
  /** At most this many prompts from this trigger in one call; null for no limit. */
  maxPerCall: number | null;
  /** A prompt still waiting after this long has missed its moment and is dropped; null keeps it all call. */
  staleAfterSeconds: number | null;
  /** The agent asked for it: it shows at once, outside the cap, and sets aside what was showing. */
  requestedByAgent: boolean;
  opens: SituationId;
}

/**
 * The defaults, and why: the agent's own request first; then what hurts the customer now (shouting,
 * a long hold, talking over each other); then what the call is about; then what the history says
 * (it stays true all call, so it waits without expiring); dead air and a long call last. Audio cues
 * go stale in seconds (the moment passes) and have long cooldowns, so one heated stretch is one
 * prompt, not ten.
 */
export const DEFAULT_TRIGGERS: Readonly<Record<TriggerId, TriggerDefinition>> = {
  'customer-upset': def('customer-upset', 'agent', 100, 3, null, null, SITUATIONS.upset, true),
  'customer-level-rise': def('customer-level-rise', 'audio-cue', 80, 120, 3, 20, SITUATIONS.upset),
  'long-hold': def('long-hold', 'hold', 75, 60, null, 30, SITUATIONS.upset),
  'call-reason': def('call-reason', 'call-reason', 70, 0, null, null, SITUATIONS.upset),
  overtalk: def('overtalk', 'audio-cue', 65, 90, 3, 15, SITUATIONS.upset),
  'repeat-complaint': def('repeat-complaint', 'customer-history', 60, 0, 1, null, SITUATIONS.repeatComplaint),
  'open-case': def('open-case', 'customer-history', 60, 0, 1, null, SITUATIONS.repeatComplaint),
  'at-risk-customer': def('at-risk-customer', 'customer-history', 55, 0, 1, null, SITUATIONS.cancellation),
  'vip-customer': def('vip-customer', 'customer-history', 50, 0, 1, null, SITUATIONS.crossSell),
  'long-silence': def('long-silence', 'audio-cue', 40, 120, 3, 15, SITUATIONS.upset),
  'call-over-target': def('call-over-target', 'call-timer', 30, 0, 1, null, SITUATIONS.manager),
};

function def(
  id: TriggerId,
  source: TriggerSource,
  priority: number,
  cooldownSeconds: number,
  maxPerCall: number | null,
  staleAfterSeconds: number | null,
  opens: SituationId,
  requestedByAgent = false,
): TriggerDefinition {
  return { id, source, priority, cooldownSeconds, maxPerCall, staleAfterSeconds, opens, requestedByAgent };
}

/** A team's change to one trigger: switch it off, or move its priority, cooldown, limit or script. */
export const TriggerOverride = z
  .object({
    enabled: z.boolean().optional(),
    priority: z.number().int().min(0).max(100).optional(),
    cooldownSeconds: z.number().int().min(0).max(3_600).optional(),
    maxPerCall: z.number().int().min(1).max(100).nullable().optional(),
    opens: SituationId.optional(),
  })
  .strict();
export type TriggerOverride = z.infer<typeof TriggerOverride>;

/** Which script a chosen call reason or disposition opens (codes from the wrap-up list). */
export const DEFAULT_REASON_SITUATIONS: Readonly<Record<string, SituationId>> = {
  return_initiated: SITUATIONS.outsidePolicy,
  refund_initiated: SITUATIONS.outsidePolicy,
  exchange_initiated: SITUATIONS.outsidePolicy,
  complaint_logged: SITUATIONS.upset,
  order_cancelled: SITUATIONS.cancellation,
  escalated: SITUATIONS.manager,
};

/**
 * Everything a team (floor, campaign) may tune, with defaults that work with no configuration.
 * Validated wherever it crosses a boundary (the server's team settings, the cache).
 */
export const GuidanceThresholds = z
  .object({
    /** Unrequested prompts shown in any rolling minute; the agent's own requests do not count. */
    maxPromptsPerMinute: z.number().int().min(1).max(20).default(3),
    /** A complaint this recent makes the call a repeat complaint. */
    repeatComplaintDays: z.number().int().min(1).max(365).default(30),
    /** A hold this long prompts the agent to go back to the customer (60 s is the usual check-in). */
    longHoldSeconds: z.number().int().min(10).max(3_600).default(60),
    /** Target handle time per call type; `default` covers call types without their own. */
    callTargetSeconds: z.record(z.string().min(1).max(64), z.number().int().min(30).max(14_400)).default({ default: 420 }),
    reasonSituations: z.record(DispositionCodeValue, SituationId).default({ ...DEFAULT_REASON_SITUATIONS }),
    audio: AudioCueThresholds.prefault({}),
    triggers: z.partialRecord(TriggerId, TriggerOverride).default({}),
  })
  .strict();
export type GuidanceThresholds = z.output<typeof GuidanceThresholds>;
export type GuidanceThresholdsInput = z.input<typeof GuidanceThresholds>;
export const DEFAULT_GUIDANCE_THRESHOLDS: GuidanceThresholds = GuidanceThresholds.parse({});

/** The team's trigger list: the defaults with its overrides applied; switched-off triggers are left out. */
export function triggerDefinitions(thresholds: GuidanceThresholds): Partial<Record<TriggerId, TriggerDefinition>> {
  const result: Partial<Record<TriggerId, TriggerDefinition>> = {};
  for (const id of TRIGGER_IDS) {
    const { enabled = true, ...change } = thresholds.triggers[id] ?? {};
    if (!enabled) continue;
    result[id] = { ...DEFAULT_TRIGGERS[id], ...change };
  }
  return result;
}

// ——— firings: a trigger source saying "now" ———

const DetailValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

export const TriggerFiring = z.object({
  trigger: TriggerId,
  /** ms since the epoch. */
  at: z.number(),
  /** How it came: "hotkey" or "button", the reason code, the cue. */
  via: z.string().max(64).nullable().default(null),
  /** Opens this script instead of the trigger's own (a call reason names its script). */
  situation: SituationId.nullable().default(null),
  /** What was measured or known, kept on the call record for coaching. */
  detail: z.record(z.string().max(40), DetailValue).default({}),
});
export type TriggerFiring = z.output<typeof TriggerFiring>;

const firing = (trigger: TriggerId, at: number, extra: Partial<TriggerFiring> = {}): TriggerFiring => ({
  trigger,
  at,
  via: null,
  situation: null,
  detail: {},
  ...extra,
});

/** The agent's hotkey or "customer upset" button. */
export function agentFiring(via: 'hotkey' | 'button', at: number): TriggerFiring {
  return firing('customer-upset', at, { via });
}

/** A chosen call reason or disposition; null when the team gave that reason no script. */
export function reasonFiring(reason: string, at: number, thresholds: GuidanceThresholds): TriggerFiring | null {
  const situation = Object.hasOwn(thresholds.reasonSituations, reason) ? thresholds.reasonSituations[reason] : undefined;
  return situation ? firing('call-reason', at, { via: reason, situation }) : null;
}

/** What the cache knows about the caller when the call starts. */
export interface CustomerHistory {
  tags: readonly string[];
  /** When each earlier complaint was logged (ms since the epoch). */
  complaintTimes: readonly number[];
  openCases: number;
  openEscalations: number;
}

export function historyFirings(history: CustomerHistory, at: number, thresholds: GuidanceThresholds): TriggerFiring[] {
  const result: TriggerFiring[] = [];
  const since = at - thresholds.repeatComplaintDays * 86_400_000;
  const recent = history.complaintTimes.filter((time) => time >= since && time <= at).length;
  if (recent > 0) result.push(firing('repeat-complaint', at, { detail: { complaints: recent, days: thresholds.repeatComplaintDays } }));
  if (history.openCases > 0 || history.openEscalations > 0) {
    result.push(firing('open-case', at, { detail: { openCases: history.openCases, openEscalations: history.openEscalations } }));
  }
  if (history.tags.includes('vip')) result.push(firing('vip-customer', at));
  if (history.tags.includes('at-risk')) result.push(firing('at-risk-customer', at));
  return result;
}

/** The call's clock, read once a second or so while the call lasts. */
export interface CallClock {
  callType: string | null;
  /** When the customer was answered (ms since the epoch). */
  answeredAt: number;
  /** When the current hold began; null when not on hold. */
  heldSince: number | null;
}

/** Past the call type's target, or on hold too long. Repeats are the scheduler's to filter. */
export function clockFirings(clock: CallClock, at: number, thresholds: GuidanceThresholds): TriggerFiring[] {
  const result: TriggerFiring[] = [];
  const targets = thresholds.callTargetSeconds;
  const target = (clock.callType !== null && Object.hasOwn(targets, clock.callType) ? targets[clock.callType] : undefined) ?? targets.default;
  const elapsed = Math.floor((at - clock.answeredAt) / 1000);
  if (target !== undefined && elapsed >= target) result.push(firing('call-over-target', at, { detail: { elapsedSeconds: elapsed, targetSeconds: target } }));
  if (clock.heldSince !== null) {
    const held = Math.floor((at - clock.heldSince) / 1000);
    if (held >= thresholds.longHoldSeconds) result.push(firing('long-hold', at, { detail: { heldSeconds: held } }));
  }
  return result;
}

/** An audio cue from audio-cues.ts as a firing; the measured levels go on the call record. */
export function audioCueFiring(cue: AudioCue): TriggerFiring {
  const detail: TriggerFiring['detail'] = { durationMs: cue.durationMs };
  if (cue.baselineDb !== null) detail.baselineDb = cue.baselineDb;
  if (cue.levelDb !== null) detail.levelDb = cue.levelDb;
  return firing(cue.kind, cue.at, { via: 'audio', detail });
}
