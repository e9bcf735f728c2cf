import { z } from 'zod';
import { call } from './core';
import { GrantRefusal, GrantToken, MonitoringGrant, MonitorMode, TakeOverOrder } from '../monitoring/grant';
import { GrantRequest, MonitoringAuditEntry, PbxDial, TakeOverResponse } from '../api/monitoring';

/**
 * Monitoring from the console. A supervisor's console asks the central server for a grant on an
 * agent's live call and dials with it; the agent's console has its host check the grant before
 * the phone answers the monitoring leg, and reports what it did (the audit).
 */

/** What a supervisor asks for: the same request the server takes. */
export const MonitorRequest = GrantRequest;

export const MonitorGrantIssued = z.object({ token: GrantToken, grant: MonitoringGrant, target: z.string().min(1).max(300), pbx: PbxDial.optional() });
export type MonitorGrantIssued = z.output<typeof MonitorGrantIssued>;

export const VerifyGrantInput = z
  .object({
    /** As it arrived in the SIP header: checked here, not trusted. */
    token: z.string().max(4_000),
    mode: MonitorMode,
    /** The calls on this console's lines now. */
    liveCallIds: z.array(z.string().min(1).max(200)).max(2),
  })
  .strict();

export const GrantCheck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), grant: MonitoringGrant }),
  z.object({ ok: z.literal(false), refusal: GrantRefusal }),
]);
export type GrantCheck = z.output<typeof GrantCheck>;

/** What the agent's phone did with a granted leg after answering it. */
export const MonitorReport = z
  .object({
    grantId: z.uuid(),
    event: z.enum(['mode', 'mode-refused', 'ended', 'taken-over']),
    mode: MonitorMode.optional(),
  })
  .strict();

export const TakeOverCheck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), order: TakeOverOrder }),
  z.object({ ok: z.literal(false), refusal: GrantRefusal }),
]);
export type TakeOverCheck = z.output<typeof TakeOverCheck>;

export const monitoringCalls = {
  /** Supervisors: a grant for an agent's live call; FORBIDDEN outside their teams, NOT_FOUND when the call is not live. */
  'monitoring.requestGrant': call({ input: MonitorRequest, output: MonitorGrantIssued }),
  /** Agents' consoles: signature, expiry, agent, call and mode checked; the answer and any refusal are audited. */
  'monitoring.verifyGrant': call({ input: VerifyGrantInput, output: GrantCheck }),
  /** Agents' consoles: a mode change honoured or refused, or the leg ended (audited). */
  'monitoring.report': call({ input: MonitorReport, output: z.null() }),
  /** Supervisors: the server's order to take the customer over on a leg their grant opened. */
  'monitoring.requestTakeOver': call({ input: z.object({ grantId: z.uuid() }).strict(), output: TakeOverResponse }),
  /** Agents' consoles: a take-over order checked against the leg it arrived on (refusals audited). */
  'monitoring.verifyTakeOver': call({ input: z.object({ token: z.string().max(4_000), grantId: z.uuid() }).strict(), output: TakeOverCheck }),
  /** Admins: the monitoring audit, newest first (grants, refusals, answers, mode changes, ends). */
  'monitoring.audit': call({ input: z.object({ limit: z.number().int().min(1).max(1_000).default(200) }).strict(), output: z.array(MonitoringAuditEntry) }),
} as const;
