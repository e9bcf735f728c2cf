import { z } from 'zod';
import { SipWebSocketUrl, type IceServer } from '../../shared/sip/provisioning';
import { SIP_CREDENTIAL_TTL_SECONDS } from '../../shared/phone/provisioning-api';

/**
 * Where the consoles' phones register and how their credentials are signed. Without
 * KALMA_SIP_SECRET and KALMA_SIP_WS_URLS the server runs without a phone (provisioning answers 503
 * SIP_NOT_CONFIGURED); half a configuration is refused at start-up instead of failing at the first
 * call of the shift.
 */
export interface SipConfig {
  /** Shared with the SIP server (Kamailio auth_ephemeral `secret`). */
  secret: string;
  /** ws:// or wss:// URLs of the SIP server, in the order consoles should try them. */
  wsServers: string[];
  /** The SIP domain users register in: sip:<username>@<domain>. */
  domain: string;
  /** STUN/TURN servers for the consoles' calls; empty on loopback and on a flat LAN. */
  iceServers: IceServer[];
  /** TURN with coturn's use-auth-secret: credentials are minted per console like the SIP ones. */
  turn: { urls: string[]; secret: string } | null;
  credentialTtlSeconds: number;
}

const emptyAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const list = (item: z.ZodType<string>) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter((part) => part !== '') : value),
    z.array(item),
  );
const IceUrl = z.string().regex(/^(stun|stuns|turn|turns):[^\s,]+$/, 'a stun:, stuns:, turn: or turns: URL');
// Printable ASCII without quotes or backslashes: the same secret goes into Kamailio's config.
const Secret = z.string().min(16, 'at least 16 characters').regex(/^[\x21-\x7e]+$/, 'printable ASCII, no spaces').regex(/^[^"\\]+$/, 'no quotes or backslashes');

/** The environment this module reads. Empty variables count as unset. */
export const SipEnv = z
  .object({
    KALMA_SIP_SECRET: z.preprocess(emptyAsUnset, Secret.optional()),
    KALMA_SIP_WS_URLS: z.preprocess(emptyAsUnset, list(SipWebSocketUrl).pipe(z.array(z.string()).min(1)).optional()),
    KALMA_SIP_DOMAIN: z.preprocess(emptyAsUnset, z.string().regex(/^[a-z0-9.-]+$/i, 'a domain like kalma.local').default('kalma.local')),
    KALMA_SIP_STUN_URLS: z.preprocess(emptyAsUnset, list(IceUrl).optional()),
    KALMA_SIP_TURN_URLS: z.preprocess(emptyAsUnset, list(IceUrl).optional()),
    KALMA_SIP_TURN_SECRET: z.preprocess(emptyAsUnset, Secret.optional()),
    KALMA_SIP_CREDENTIAL_TTL_HOURS: z.preprocess(emptyAsUnset, z.coerce.number().positive().max(24 * 7).optional()),
  })
  .superRefine((env, ctx) => {
    if ((env.KALMA_SIP_SECRET === undefined) !== (env.KALMA_SIP_WS_URLS === undefined)) {
      const missing = env.KALMA_SIP_SECRET === undefined ? 'KALMA_SIP_SECRET' : 'KALMA_SIP_WS_URLS';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when the other SIP setting is given' });
    }
    if ((env.KALMA_SIP_TURN_URLS === undefined) !== (env.KALMA_SIP_TURN_SECRET === undefined)) {
      const missing = env.KALMA_SIP_TURN_URLS === undefined ? 'KALMA_SIP_TURN_URLS' : 'KALMA_SIP_TURN_SECRET';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required when the other TURN setting is given' });
    }
  });

/** The SIP configuration from the environment: null when the phone is not set up; throws on half a setup. */
export function sipConfigFromEnv(env: Record<string, string | undefined>): SipConfig | null {
  const parsed = SipEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
    throw new Error(`invalid SIP configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.KALMA_SIP_SECRET === undefined || e.KALMA_SIP_WS_URLS === undefined) return null;
  return {
    secret: e.KALMA_SIP_SECRET,
    wsServers: e.KALMA_SIP_WS_URLS,
    domain: e.KALMA_SIP_DOMAIN.toLowerCase(),
    iceServers: e.KALMA_SIP_STUN_URLS?.length ? [{ urls: e.KALMA_SIP_STUN_URLS }] : [],
    turn: e.KALMA_SIP_TURN_URLS && e.KALMA_SIP_TURN_SECRET ? { urls: e.KALMA_SIP_TURN_URLS, secret: e.KALMA_SIP_TURN_SECRET } : null,
    credentialTtlSeconds:
      e.KALMA_SIP_CREDENTIAL_TTL_HOURS === undefined ? SIP_CREDENTIAL_TTL_SECONDS : Math.round(e.KALMA_SIP_CREDENTIAL_TTL_HOURS * 3600),
  };
}
