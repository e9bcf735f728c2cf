import { z } from 'zod';

/**
 * Monitoring grants: the central server's signed permission for one supervisor to join one
 * agent's live call in some modes until a time. The agent's console checks the signature, the
 * expiry, that the call is its own live call and that the mode asked for is granted; nothing else
 * lets anyone hear a call. Pure: the signing and the signature check (Ed25519, node:crypto) are
 * the server's and the host's; this file holds the payload and the checks that need no key.
 */

/** listen: the supervisor hears customer and agent; whisper: the agent also hears the supervisor; barge: everyone hears everyone. */
export const MonitorMode = z.enum(['listen', 'whisper', 'barge']);
export type MonitorMode = z.infer<typeof MonitorMode>;
export const MONITOR_MODES: readonly MonitorMode[] = MonitorMode.options;

/** How long a grant may be used to start monitoring; the leg, once answered, lasts as long as the call. */
export const GRANT_TTL_SECONDS = 60;
/** Clocks on a floor drift; a grant is honoured this long around its times. */
export const GRANT_CLOCK_SKEW_SECONDS = 30;

export const MonitoringGrant = z
  .object({
    v: z.literal(1),
    id: z.uuid(),
    keyId: z.string().min(1).max(64),
    supervisorId: z.string().min(1).max(64),
    supervisorName: z.string().min(1).max(120),
    agentId: z.string().min(1).max(64),
    /** The agent's phone line's call id (JsSIP session id) of the live call. */
    callId: z.string().min(1).max(200),
    modes: z.array(MonitorMode).min(1).max(3),
    /** Whether the agent's console shows that someone is listening (a deployment setting). */
    showListening: z.boolean(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .strict();
export type MonitoringGrant = z.infer<typeof MonitoringGrant>;

/** A grant as it travels: `<base64url payload>.<base64url Ed25519 signature of the payload text>`. */
export const GrantToken = z
  .string()
  .max(2_000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'a monitoring grant token');

/** The SIP header that carries the token on the monitoring INVITE, and the one naming the first mode. */
export const GRANT_HEADER = 'X-Kalma-Monitor-Grant';
export const MODE_HEADER = 'X-Kalma-Monitor-Mode';
/** Mode changes travel as SIP INFO with this body type: `{"mode":"whisper"}`. */
export const MODE_INFO_TYPE = 'application/x-kalma-monitor+json';
export const ModeInfo = z.object({ mode: MonitorMode }).strict();

/**
 * Take-over: the server's signed order, asked for by the supervisor on a leg their grant opened,
 * for the agent's console to hand the customer to the supervisor. Same token format and keys as a
 * grant; it names the grant so it cannot be used on any other leg.
 */
export const TakeOverOrder = z
  .object({
    v: z.literal(1),
    kind: z.literal('take-over'),
    id: z.uuid(),
    keyId: z.string().min(1).max(64),
    grantId: z.uuid(),
    supervisorId: z.string().min(1).max(64),
    supervisorName: z.string().min(1).max(120),
    agentId: z.string().min(1).max(64),
    callId: z.string().min(1).max(200),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .strict();
export type TakeOverOrder = z.infer<typeof TakeOverOrder>;

/** The INFO that carries a take-over order on the monitoring leg. */
export const TakeOverInfo = z.object({ takeOver: GrantToken }).strict();

export const GrantRefusal = z.enum([
  'malformed',
  'bad-signature',
  'unknown-key',
  'expired',
  'not-yet-valid',
  'other-agent',
  'other-call',
  'mode-not-granted',
  /** A grant opens one monitoring leg; a second INVITE with it (a replay) is refused. */
  'already-used',
  /** A take-over order for another leg than the one it arrived on. */
  'other-grant',
]);
export type GrantRefusal = z.infer<typeof GrantRefusal>;

/**
 * What the agent's console checks once the signature holds: the grant is for this agent, for a
 * call on this console now, within its times, and includes the mode asked for.
 */
/** Past its expiry by more than the clock skew a floor's machines may have (grants and take-over orders alike). */
export function isExpired(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) + GRANT_CLOCK_SKEW_SECONDS * 1000 < now.getTime();
}

export function checkGrant(
  grant: MonitoringGrant,
  at: { now: Date; agentId: string; liveCallIds: readonly string[]; mode: MonitorMode },
): GrantRefusal | null {
  if (isExpired(grant.expiresAt, at.now)) return 'expired';
  if (Date.parse(grant.issuedAt) - GRANT_CLOCK_SKEW_SECONDS * 1000 > at.now.getTime()) return 'not-yet-valid';
  if (grant.agentId !== at.agentId) return 'other-agent';
  if (!at.liveCallIds.includes(grant.callId)) return 'other-call';
  if (!grant.modes.includes(at.mode)) return 'mode-not-granted';
  return null;
}

/** Where each party's voice goes in a mode, as the agent's console mixes it. */
export function routing(mode: MonitorMode): { supervisorToAgent: boolean; supervisorToCustomer: boolean } {
  return { supervisorToAgent: mode !== 'listen', supervisorToCustomer: mode === 'barge' };
}

function parseInfo<T>(schema: z.ZodType<T>, body: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The INFO body that asks for a mode, or says which one is mixed. */
export function modeInfoBody(mode: MonitorMode): string {
  return JSON.stringify({ mode } satisfies z.input<typeof ModeInfo>);
}

export function takeOverInfoBody(token: string): string {
  return JSON.stringify({ takeOver: token } satisfies z.input<typeof TakeOverInfo>);
}

/** A take-over INFO body's token, or null when it is not one. */
export function parseTakeOverInfo(body: string): string | null {
  return parseInfo(TakeOverInfo, body)?.takeOver ?? null;
}

/** A mode-change INFO body, or null when it is not one. */
export function parseModeInfo(body: string): MonitorMode | null {
  return parseInfo(ModeInfo, body)?.mode ?? null;
}
