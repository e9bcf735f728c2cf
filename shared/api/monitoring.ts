import { z } from 'zod';
import { GrantToken, MonitoringGrant, MonitorMode, TakeOverOrder } from '../monitoring/grant';

/**
 * The central server's monitoring API. Supervisors ask for a grant on an agent's live call;
 * consoles fetch the public keys grants are signed with; admins read the audit.
 *
 * POST API_MONITORING.grants  GrantRequest → GrantResponse (supervisors only; own team, or a director)
 * POST API_MONITORING.takeOvers  TakeOverRequest → TakeOverResponse (the supervisor the grant was for)
 * GET  API_MONITORING.keys    → SigningKeysResponse (anyone signed in)
 * GET  API_MONITORING.audit   → MonitoringAuditResponse (admins)
 */
export const API_MONITORING = {
  grants: '/api/v1/monitoring/grants',
  takeOvers: '/api/v1/monitoring/take-overs',
  keys: '/api/v1/monitoring/keys',
  audit: '/api/v1/monitoring/audit',
} as const;

export const GrantRequest = z
  .object({
    agentId: z.string().min(1).max(64),
    callId: z.string().min(1).max(200),
    modes: z.array(MonitorMode).min(1).max(3),
  })
  .strict();
export type GrantRequest = z.infer<typeof GrantRequest>;

/** PBX mode: what the supervisor's phone dials per mode, and the digits that switch on one leg. */
export const PbxDial = z.object({
  dial: z.object({ listen: z.string().max(300).optional(), whisper: z.string().max(300).optional(), barge: z.string().max(300).optional() }),
  switchDigits: z.object({ listen: z.string().max(1), whisper: z.string().max(1), barge: z.string().max(1) }).nullable(),
});
export type PbxDial = z.infer<typeof PbxDial>;

export const GrantResponse = z.object({
  token: GrantToken,
  grant: MonitoringGrant,
  /** The agent's phone, as the supervisor's phone dials it. */
  target: z.string().min(1).max(300),
  /** Present on sites whose PBX monitors calls: dial these instead of the agent's phone. */
  pbx: PbxDial.optional(),
});
export type GrantResponse = z.infer<typeof GrantResponse>;

export const TakeOverRequest = z.object({ grantId: z.uuid() }).strict();
export type TakeOverRequest = z.infer<typeof TakeOverRequest>;
export const TakeOverResponse = z.object({ token: GrantToken, order: TakeOverOrder });
export type TakeOverResponse = z.infer<typeof TakeOverResponse>;

export const SigningKey = z.object({
  id: z.string().min(1).max(64),
  /** Ed25519 public key, base64 SPKI DER. */
  publicKey: z.string().min(1).max(200),
  retired: z.boolean(),
});
export type SigningKey = z.infer<typeof SigningKey>;
export const SigningKeysResponse = z.object({ keys: z.array(SigningKey).max(50) });
export type SigningKeysResponse = z.infer<typeof SigningKeysResponse>;

export const MonitoringAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  event: z.enum(['granted', 'grant-refused', 'answered', 'refused', 'mode', 'mode-refused', 'ended', 'take-over', 'taken-over']),
  actor: z.string(),
  supervisor: z.string().nullable(),
  agent: z.string().nullable(),
  grantId: z.string().nullable(),
  callId: z.string().nullable(),
  modes: z.array(MonitorMode).nullable(),
  mode: MonitorMode.nullable(),
  detail: z.string().nullable(),
});
export type MonitoringAuditEntry = z.infer<typeof MonitoringAuditEntry>;
export const MonitoringAuditResponse = z.object({ entries: z.array(MonitoringAuditEntry).max(1_000) });
export type MonitoringAuditResponse = z.infer<typeof MonitoringAuditResponse>;
