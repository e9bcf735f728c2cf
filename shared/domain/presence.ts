import { z } from 'zod';
import { TriggerId } from '../guidance/triggers';
import { LocalizedText } from '../guidance/script';
import type { PromptLogEntry } from '../guidance/triggers-scheduler';
import { CallReference } from '../phone/call-reference';
import { AgentStateName } from './agent-state';
import { EntityId, Instant } from './row-version';

/**
 * An agent's presence: what their console says right now about the agent's state and the calls on
 * its lines. The console sends it up its live socket whenever it changes and as a heartbeat; the
 * server keeps the latest one (server/presence/), and supervisors' wallboards read it. Unlike the
 * state log (synced later, offline too), presence is only ever "now": a console that stops sending
 * it is unreachable, whatever it said last.
 */

/** A guidance trigger that fired during the call (the customer's level rose, "customer upset" pressed …). */
export const FiredTrigger = z.object({ trigger: TriggerId, at: Instant }).strict();
export type FiredTrigger = z.output<typeof FiredTrigger>;

/** The most triggers kept per call: enough for the wallboard, small enough for a heartbeat frame. */
export const MAX_FIRED_TRIGGERS = 20;

/** A script the agent is walking in the call: how far, for the supervisor deciding whether to step in. */
export const LiveScript = z
  .object({
    title: LocalizedText,
    stepsDone: z.number().int().min(0).max(40),
    stepCount: z.number().int().min(1).max(40),
    checked: z.number().int().min(0).max(480),
    checklistCount: z.number().int().min(0).max(480),
  })
  .strict();
export type LiveScript = z.output<typeof LiveScript>;

export const LiveCall = z
  .object({
    /** The phone line snapshot's callId (the SIP Call-ID): the key monitoring grants name. */
    callId: z.string().min(1).max(300),
    reference: CallReference,
    line: z.union([z.literal(1), z.literal(2)]),
    direction: z.enum(['inbound', 'outbound']),
    customerId: EntityId.nullable(),
    customerName: z.string().max(200).nullable(),
    startedAt: Instant,
    /** When it was answered; null while it rings or dials. */
    answeredAt: Instant.nullable(),
    onHold: z.boolean(),
    triggers: z.array(FiredTrigger).max(MAX_FIRED_TRIGGERS),
    /** Scripts walked so far (a console from before this field reports none). */
    scripts: z.array(LiveScript).max(5).default([]),
  })
  .strict();
export type LiveCall = z.output<typeof LiveCall>;

export const PresenceReport = z
  .object({
    state: AgentStateName,
    /** When the agent entered the state (the console's state log time). */
    stateSince: Instant,
    calls: z.array(LiveCall).max(2),
  })
  .strict();
export type PresenceReport = z.output<typeof PresenceReport>;

/**
 * The triggers a call's guidance log says fired, first firing of each prompt, oldest first. A
 * prompt enters the log as queued or shown; what happened to it after is coaching detail.
 */
export function firedTriggers(log: readonly Pick<PromptLogEntry, 'at' | 'event' | 'promptId' | 'trigger'>[]): FiredTrigger[] {
  const seen = new Set<string>();
  const fired: FiredTrigger[] = [];
  for (const entry of log) {
    if ((entry.event !== 'queued' && entry.event !== 'shown') || seen.has(entry.promptId)) continue;
    seen.add(entry.promptId);
    fired.push({ trigger: entry.trigger, at: new Date(entry.at).toISOString() });
  }
  return fired.slice(-MAX_FIRED_TRIGGERS);
}
