import type { SurveyConfig } from './surveys/survey-config';
import { DEFAULT_FOLLOW_UP_DAYS } from '../shared/domain/follow-up';
import { DEFAULT_WRAP_UP_RULES, WrapUpRules } from '../shared/domain/wrap-up';
import { DEFAULT_MANAGER_APPROVAL_LIMIT, parseManagerApprovalLimit, type ManagerApprovalLimit } from '../shared/domain/escalation-routing';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RATE_LIMIT, type RateLimitPolicy } from './auth/rate-limit';
import type { SipConfig } from './sip/config';
import type { LiveHubOptions } from './sync/live';
import type { PresenceHubOptions } from './presence/presence-hub';
import { PolicyPackCode } from './guidance/defaults';
import { parsePbxMonitoring, type PbxMonitoring } from '../shared/monitoring/pbx-monitoring';

/** What `startServer` accepts. Everything is optional; see `resolveServerOptions` for defaults. */
export interface ServerOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1: listening on other interfaces is a deliberate choice. */
  host?: string;
  /** Embedded database folder (PGlite lives in `<dataDir>/pglite`); `memory://` keeps it in memory. */
  dataDir?: string;
  /** A PostgreSQL URL; when set, `dataDir` is not used. */
  databaseUrl?: string;
  /**
   * A tarball of an empty, freshly initialised PGlite cluster (PGlite's dumpDataDir) that a new
   * embedded database starts from instead of running initdb: about 0.8 s instead of 5 s. Test
   * suites start hundreds of servers. Default: KALMA_PGLITE_TEMPLATE, else none (initdb).
   */
  pgliteTemplate?: string;
  /** Create the demo team and accounts when the users table is empty. */
  demo?: boolean;
  logLevel?: string;
  sessionTtlMs?: number;
  /** Overrides for the sign-in limits (tests shorten the delays). */
  rateLimit?: Partial<RateLimitPolicy>;
  /** Behind a load balancer: Fastify's trustProxy (true, or a comma-separated list of proxy addresses/CIDRs). */
  trustProxy?: boolean | string;
  /** Where log lines go; default stdout. Tests pass a collector. */
  logStream?: { write(line: string): void };
  /** The consoles' SIP server; null = no phone. When absent, read from KALMA_SIP_* (server/sip/config.ts). */
  sip?: SipConfig | null;
  /** Post-call surveys; each field absent is read from the environment (server/surveys/survey-config.ts). */
  surveys?: Partial<SurveyConfig>;
  /** Live sync pokes: coalescing gap and heartbeat (tests shorten the heartbeat). */
  live?: LiveHubOptions;
  /** Agent presence: how long a quiet console stays reachable, how often that is checked. */
  presence?: PresenceHubOptions;
  /** The floor's after-call work rules; DEFAULT_WRAP_UP_RULES when absent. */
  wrapUpRules?: WrapUpRules;
  /** The most a manager may approve on an escalation; DEFAULT_MANAGER_APPROVAL_LIMIT when absent. */
  managerApprovalLimit?: ManagerApprovalLimit;
  /** Days after a denied escalation the raising agent's follow-up is due; DEFAULT_FOLLOW_UP_DAYS when absent. */
  followUpDays?: number;
  /** The floor's returns policy pack from resources/policies, seeded when none is stored. Default 'ph'. */
  policyPack?: PolicyPackCode;
  /** Whether an agent sees that a supervisor is listening to the call (whisper and barge always show). Default true. */
  showListening?: boolean;
  /** PBX mode: the site's PBX monitors calls through these feature codes (shared/monitoring/pbx-monitoring.ts). Default none. */
  pbxMonitoring?: PbxMonitoring | null;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string; template?: string };
  demo: boolean;
  logLevel: string;
  sessionTtlMs: number;
  rateLimit: RateLimitPolicy;
  trustProxy: boolean | string;
  logStream: { write(line: string): void } | undefined;
  wrapUpRules: WrapUpRules;
  managerApprovalLimit: ManagerApprovalLimit;
  followUpDays: number;
  policyPack: PolicyPackCode;
  showListening: boolean;
  pbxMonitoring: PbxMonitoring | null;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_PORT = 4010;
export const MEMORY_DATA_DIR = 'memory://';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * Programmatic defaults favour tests: no dataDir means an in-memory database, so a forgotten
 * option never writes into someone's home folder. The CLI (main.ts) always passes a folder.
 */
export function resolveServerOptions(opts: ServerOptions): ResolvedOptions {
  const sessionTtlMs = opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  if (!Number.isInteger(sessionTtlMs) || sessionTtlMs < 1) throw new Error(`sessionTtlMs must be a positive integer, got ${sessionTtlMs}`);
  return {
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    database: opts.databaseUrl
      ? { kind: 'postgres', url: opts.databaseUrl }
      : { kind: 'pglite', dataDir: opts.dataDir ?? MEMORY_DATA_DIR, template: opts.pgliteTemplate ?? (process.env.KALMA_PGLITE_TEMPLATE || undefined) },
    demo: opts.demo ?? false,
    logLevel: LogLevel.parse(opts.logLevel ?? 'info'),
    sessionTtlMs,
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...opts.rateLimit },
    trustProxy: opts.trustProxy ?? false,
    logStream: opts.logStream,
    // A recovery pause length left out means the default, so every console hears the same one.
    wrapUpRules: WrapUpRules.parse({ recoveryPauseSeconds: DEFAULT_WRAP_UP_RULES.recoveryPauseSeconds, ...(opts.wrapUpRules ?? DEFAULT_WRAP_UP_RULES) }),
    managerApprovalLimit: opts.managerApprovalLimit ?? DEFAULT_MANAGER_APPROVAL_LIMIT,
    followUpDays: opts.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS,
    policyPack: PolicyPackCode.parse(opts.policyPack ?? 'ph'),
    showListening: opts.showListening ?? true,
    pbxMonitoring: opts.pbxMonitoring ?? null,
  };
}

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

function readManagerLimit(text: string, ctx: z.RefinementCtx): ManagerApprovalLimit {
  try {
    return parseManagerApprovalLimit(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
}
const flag = z.preprocess(emptyAsUnset, z.enum(['0', '1', 'true', 'false']).optional()).transform((v) => v === '1' || v === 'true');

/** The environment main.ts reads. Empty variables count as unset. */
export const ServerEnv = z.object({
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT)),
  HOST: z.preprocess(emptyAsUnset, z.string().min(1).default('127.0.0.1')),
  KALMA_DATA_DIR: z.preprocess(emptyAsUnset, z.string().min(1).optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL').optional(),
  ),
  KALMA_DEMO: flag,
  LOG_LEVEL: z.preprocess(emptyAsUnset, LogLevel.default('info')),
  KALMA_SESSION_TTL_HOURS: z.preprocess(emptyAsUnset, z.coerce.number().positive().max(24 * 90).optional()),
  /** "true" (trust every proxy) or a comma-separated list of proxy addresses/CIDRs. */
  KALMA_TRUST_PROXY: z.preprocess(emptyAsUnset, z.string().optional()),
  /** After-call work: target and limit in seconds (limit 0: no wrap-up time), default disposition. */
  KALMA_WRAP_UP_TARGET_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().pipe(WrapUpRules.shape.targetSeconds).optional()),
  KALMA_WRAP_UP_LIMIT_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().pipe(WrapUpRules.shape.limitSeconds).optional()),
  KALMA_WRAP_UP_DEFAULT_DISPOSITION: z.preprocess(emptyAsUnset, WrapUpRules.shape.defaultDisposition.optional()),
  /** The recovery pause offered after a call flagged abusive, in seconds (0: none offered). */
  KALMA_RECOVERY_PAUSE_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().pipe(WrapUpRules.shape.recoveryPauseSeconds.unwrap()).optional()),
  /** Escalations: the most a manager may approve, e.g. "PHP 10000, BRL 1000, USD 200", "5000" or "none". */
  KALMA_MANAGER_APPROVAL_LIMIT: z.preprocess(emptyAsUnset, z.string().max(500).transform(readManagerLimit).optional()),
  /** Retention: days after a denied escalation the raising agent's follow-up is due (default 2; fractions allowed). */
  KALMA_FOLLOW_UP_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().min(0).max(365).optional()),
  /** The returns policy pack seeded on an empty server: ph, br or us. */
  KALMA_POLICY_PACK: z.preprocess(emptyAsUnset, PolicyPackCode.optional()),
  /** "false" hides from agents that a supervisor is listening (some floors' works councils want it shown). Default true. */
  KALMA_SHOW_LISTENING: z.preprocess(emptyAsUnset, z.enum(['0', '1', 'true', 'false']).optional()),
  /** PBX mode: feature codes per monitoring mode, e.g. "listen=*222,whisper=*223,barge=*224". */
  KALMA_PBX_MONITOR_CODES: z.preprocess(emptyAsUnset, z.string().max(200).optional()),
  /** PBX mode: DTMF digits that switch mode on the same leg, e.g. "listen=4,whisper=5,barge=6" (ChanSpy's d option). */
  KALMA_PBX_MONITOR_SWITCH: z.preprocess(emptyAsUnset, z.string().max(200).optional()),
}).superRefine((env, ctx) => {
  try {
    parsePbxMonitoring(env.KALMA_PBX_MONITOR_CODES, env.KALMA_PBX_MONITOR_SWITCH);
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['KALMA_PBX_MONITOR_CODES'], message: error instanceof Error ? error.message : String(error) });
  }
});
export type ServerEnv = z.infer<typeof ServerEnv>;

export function optionsFromEnv(env: ServerEnv, platform: NodeJS.Platform, processEnv: NodeJS.ProcessEnv): ServerOptions {
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.KALMA_DATA_DIR ?? defaultDataDir(platform, processEnv, homedir()),
    databaseUrl: env.DATABASE_URL,
    demo: env.KALMA_DEMO,
    logLevel: env.LOG_LEVEL,
    sessionTtlMs: env.KALMA_SESSION_TTL_HOURS === undefined ? undefined : Math.round(env.KALMA_SESSION_TTL_HOURS * 3_600_000),
    trustProxy: parseTrustProxy(env.KALMA_TRUST_PROXY),
    wrapUpRules: {
      targetSeconds: env.KALMA_WRAP_UP_TARGET_SECONDS ?? DEFAULT_WRAP_UP_RULES.targetSeconds,
      limitSeconds: env.KALMA_WRAP_UP_LIMIT_SECONDS ?? DEFAULT_WRAP_UP_RULES.limitSeconds,
      defaultDisposition: env.KALMA_WRAP_UP_DEFAULT_DISPOSITION ?? DEFAULT_WRAP_UP_RULES.defaultDisposition,
      recoveryPauseSeconds: env.KALMA_RECOVERY_PAUSE_SECONDS ?? DEFAULT_WRAP_UP_RULES.recoveryPauseSeconds,
    },
    managerApprovalLimit: env.KALMA_MANAGER_APPROVAL_LIMIT,
    followUpDays: env.KALMA_FOLLOW_UP_DAYS,
    policyPack: env.KALMA_POLICY_PACK,
    pbxMonitoring: parsePbxMonitoring(env.KALMA_PBX_MONITOR_CODES, env.KALMA_PBX_MONITOR_SWITCH),
    showListening: env.KALMA_SHOW_LISTENING === undefined ? undefined : env.KALMA_SHOW_LISTENING === '1' || env.KALMA_SHOW_LISTENING === 'true',
  };
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value;
}

/** The per-user folder where the OS expects an application's data: `<that>/kalma/server`. */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Kalma', 'server');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Kalma', 'server');
    default:
      return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'kalma', 'server');
  }
}
