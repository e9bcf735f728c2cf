import type { z } from 'zod';
import {
  API,
  AdminUserList,
  ApiError,
  LoginResponse,
  MeResponse,
  type LoginResponse as LoginResponseT,
} from '../../shared/api/auth';
import { API_CONTENT, WrapUpSetup, type WrapUpSetup as WrapUpSetupT } from '../../shared/api/content';
import { ContractFailure } from '../../shared/contract';
import { API_WALLBOARD, TeamFigures, Wallboard } from '../../shared/api/wallboard';
import { API_GUIDANCE, GuidanceServed, GuidanceStamp, PublishedRef, ScriptList } from '../../shared/api/guidance';
import { EditableScript, type ScriptVersionRef } from '../../shared/contract/guidance';
import type { Script } from '../../shared/guidance/script';
import type { GuidanceThresholds } from '../../shared/guidance/triggers';
import {
  API_POLICY_ADMIN,
  StoredPolicyPack,
  TeamThresholds,
  TeamThresholdsList,
  type SavePolicyPackBody,
  type StoredPolicyPack as StoredPolicyPackT,
  type TeamThresholds as TeamThresholdsT,
} from '../../shared/api/policy-admin';
import type { NewScript } from '../../shared/guidance/script-new';
import {
  API_MONITORING,
  GrantResponse,
  MonitoringAuditResponse,
  SigningKeysResponse,
  TakeOverResponse,
  type GrantRequest,
  type MonitoringAuditEntry,
  type SigningKey,
} from '../../shared/api/monitoring';
import type { Language, User } from '../../shared/domain/user';

export interface CentralClientOptions {
  /** The central server's base URL, e.g. http://127.0.0.1:4010. */
  serverUrl: string;
  /** How long one request may take before the host gives up on it. */
  timeoutMs?: number;
  /** Injected for tests that need a different transport; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export type AdminUsers = z.infer<typeof AdminUserList>['users'];

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The host's HTTP client for the central server. Every response body is parsed with the shared
 * API schemas, and every failure leaves as a ContractFailure whose code and message the console
 * can show as they are: the renderer never sees a raw HTTP status or a network exception.
 */
export class CentralClient {
  readonly serverUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(opts: CentralClientOptions) {
    this.serverUrl = opts.serverUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = opts.fetch ?? fetch;
  }

  async login(username: string, password: string): Promise<LoginResponseT> {
    return this.request('POST', API.login, { body: { username, password }, schema: LoginResponse, signingIn: true });
  }

  /** Ends the token on the server. */
  async logout(token: string): Promise<void> {
    await this.request('POST', API.logout, { token });
  }

  async me(token: string): Promise<User> {
    return (await this.request('GET', API.me, { token, schema: MeResponse })).user;
  }

  /** Saves the person's language on the server; returns the updated user when the server sends it. */
  async setLanguage(token: string, language: Language): Promise<User | null> {
    const body = await this.request('PUT', API.myLanguage, { token, body: { language } });
    const parsed = MeResponse.safeParse(body);
    return parsed.success ? parsed.data.user : null;
  }

  /** The floor's disposition codes for wrap-up, in picker order, and its wrap-up rules. */
  async wrapUpSetup(token: string): Promise<WrapUpSetupT> {
    return this.request('GET', API_CONTENT.wrapUp, { token, schema: WrapUpSetup });
  }

  /** Published guidance: newest script versions, policy pack, trigger thresholds. */
  async guidance(token: string): Promise<GuidanceServed> {
    return this.request('GET', API_GUIDANCE.content, { token, schema: GuidanceServed });
  }

  async guidanceStamp(token: string): Promise<string> {
    return (await this.request('GET', API_GUIDANCE.stamp, { token, schema: GuidanceStamp })).stamp;
  }

  async guidanceScripts(token: string): Promise<EditableScript[]> {
    return (await this.request('GET', API_GUIDANCE.scripts, { token, schema: ScriptList })).scripts;
  }

  async saveScriptDraft(token: string, script: Script): Promise<EditableScript> {
    return this.request('PUT', API_GUIDANCE.draft(script.id), { token, body: script, schema: EditableScript });
  }

  async publishScript(token: string, id: string): Promise<ScriptVersionRef> {
    return this.request('POST', API_GUIDANCE.publish(id), { token, body: {}, schema: PublishedRef });
  }

  async createScript(token: string, input: NewScript): Promise<EditableScript> {
    return this.request('POST', API_GUIDANCE.scripts, { token, body: input, schema: EditableScript });
  }

  async retireScript(token: string, id: string): Promise<EditableScript> {
    return this.request('POST', API_GUIDANCE.retire(id), { token, body: {}, schema: EditableScript });
  }

  /** Admins: the floor's policy pack as stored, to edit. */
  async policyPack(token: string): Promise<StoredPolicyPackT> {
    return this.request('GET', API_POLICY_ADMIN.pack, { token, schema: StoredPolicyPack });
  }

  async savePolicyPack(token: string, body: SavePolicyPackBody): Promise<StoredPolicyPackT> {
    return this.request('PUT', API_POLICY_ADMIN.pack, { token, body, schema: StoredPolicyPack });
  }

  /** The teams whose guidance thresholds this person may tune. */
  async teamThresholds(token: string): Promise<TeamThresholdsT[]> {
    return (await this.request('GET', API_POLICY_ADMIN.thresholds, { token, schema: TeamThresholdsList })).teams;
  }

  async saveTeamThresholds(token: string, teamId: string, thresholds: GuidanceThresholds): Promise<TeamThresholdsT> {
    return this.request('PUT', API_POLICY_ADMIN.team(teamId), { token, body: { thresholds }, schema: TeamThresholds });
  }

  /** A supervisor's grant on an agent's live call (FORBIDDEN / NOT_FOUND as the server refused it). */
  async monitoringGrant(token: string, body: GrantRequest): Promise<GrantResponse> {
    return this.request('POST', API_MONITORING.grants, { token, body, schema: GrantResponse });
  }

  /** The supervisor's take-over order on a leg their grant opened. */
  async monitoringTakeOver(token: string, grantId: string): Promise<TakeOverResponse> {
    return this.request('POST', API_MONITORING.takeOvers, { token, body: { grantId }, schema: TakeOverResponse });
  }

  async monitoringAudit(token: string, limit: number): Promise<MonitoringAuditEntry[]> {
    return (await this.request('GET', `${API_MONITORING.audit}?limit=${limit}`, { token, schema: MonitoringAuditResponse })).entries;
  }

  async monitoringKeys(token: string): Promise<SigningKey[]> {
    return (await this.request('GET', API_MONITORING.keys, { token, schema: SigningKeysResponse })).keys;
  }

  /** Supervisors: the wallboard of their teams now. */
  async wallboard(token: string): Promise<Wallboard> {
    return this.request('GET', API_WALLBOARD.board, { token, schema: Wallboard });
  }

  async wallboardFigures(token: string, since: string): Promise<TeamFigures> {
    return this.request('GET', `${API_WALLBOARD.figures}?since=${encodeURIComponent(since)}`, { token, schema: TeamFigures });
  }

  async adminUsers(token: string): Promise<AdminUsers> {
    return (await this.request('GET', API.adminUsers, { token, schema: AdminUserList })).users;
  }

  /**
   * A JSON request to the central server for a feature's own client (electron/services/<feature>):
   * the same time limit, errors and reply validation as every call here.
   */
  api<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    opts: { token: string; body?: unknown; schema: S; raw?: { contentType: string; bytes: Uint8Array } },
  ): Promise<z.output<S>> {
    return this.request(method, path, opts);
  }

  /** A binary download (a role-play recording): its bytes and content type. */
  async bytes(path: string, token: string): Promise<{ contentType: string; bytes: Buffer }> {
    const response = await this.send('GET', path, { authorization: `Bearer ${token}` }, undefined);
    if (!response.ok) throw this.statusFailure(response, await readBody(response, this.timeoutMs), false);
    try {
      return { contentType: response.headers.get('content-type') ?? 'application/octet-stream', bytes: Buffer.from(await response.arrayBuffer()) };
    } catch {
      throw new ContractFailure('UNAVAILABLE', 'The connection to the Kalma server broke while reading its reply.');
    }
  }

  private async send(method: 'GET' | 'POST' | 'PUT', path: string, headers: Record<string, string>, body: BodyInit | undefined): Promise<Response> {
    try {
      return await this.fetchImpl(`${this.serverUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' });
    } catch (error) {
      throw this.networkFailure(error);
    }
  }

  private async request<S extends z.ZodType = z.ZodUnknown>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    opts: { token?: string; body?: unknown; schema?: S; signingIn?: boolean; raw?: { contentType: string; bytes: Uint8Array } },
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.raw) headers['content-type'] = opts.raw.contentType;

    const body = opts.raw ? opts.raw.bytes : opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const response = await this.send(method, path, headers, body as BodyInit | undefined);

    const text = await readBody(response, this.timeoutMs);
    if (!response.ok) throw this.statusFailure(response, text, opts.signingIn === true);

    let json: unknown = null;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        throw new ContractFailure('UNAVAILABLE', 'The Kalma server sent a reply the console cannot read.');
      }
    }
    if (!opts.schema) return json as z.output<S>;
    const parsed = opts.schema.safeParse(json);
    if (!parsed.success) {
      // A server speaking another version of the API: the console cannot trust the reply.
      throw new ContractFailure('UNAVAILABLE', 'The Kalma server sent a reply the console does not understand; it may be a different version.');
    }
    return parsed.data;
  }

  private networkFailure(error: unknown): ContractFailure {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new ContractFailure('UNAVAILABLE', `The Kalma server did not answer within ${Math.round(this.timeoutMs / 1000)} seconds.`);
    }
    return new ContractFailure('UNAVAILABLE', `Cannot reach the Kalma server at ${this.serverUrl}. Check the network connection.`);
  }

  private statusFailure(response: Response, text: string, signingIn: boolean): ContractFailure {
    const apiError = parseApiError(text);
    const status = response.status;
    if (status === 401) {
      if (apiError?.code === 'INVALID_CREDENTIALS' || signingIn) {
        return new ContractFailure('UNAUTHENTICATED', apiError?.message ?? 'Wrong username or password.');
      }
      return new ContractFailure('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    }
    if (status === 403) {
      return new ContractFailure('FORBIDDEN', apiError?.message ?? 'Your role does not allow this.');
    }
    if (status === 429) {
      // The server's message says how long in words a person reads; Retry-After is the fallback.
      if (apiError?.message) return new ContractFailure('RATE_LIMITED', apiError.message);
      const seconds = retryAfterSeconds(response.headers.get('retry-after'));
      const wait = seconds === null ? 'a little while' : seconds <= 1 ? '1 second' : `${seconds} seconds`;
      return new ContractFailure('RATE_LIMITED', `Too many attempts. Try again in ${wait}.`);
    }
    if (status >= 500) {
      return new ContractFailure('UNAVAILABLE', `The Kalma server could not handle the request (HTTP ${status}). Try again shortly.`);
    }
    if (status === 404) return new ContractFailure('NOT_FOUND', apiError?.message ?? 'The Kalma server does not know this request.');
    if (status === 409) return new ContractFailure('CONFLICT', apiError?.message ?? 'Someone changed this first.');
    if (status === 400 || status === 413 || status === 422) {
      // The field issues travel on, so a form can point at what the server refused.
      return new ContractFailure('INVALID_INPUT', apiError?.message ?? 'The Kalma server refused the request as invalid.', apiError?.issues);
    }
    return new ContractFailure('INTERNAL', `Unexpected answer from the Kalma server (HTTP ${status}).`);
  }
}

/** Reads the body within the same time budget; a body that stalls is a server that stalls. */
async function readBody(response: Response, timeoutMs: number): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ContractFailure('UNAVAILABLE', `The Kalma server did not answer within ${Math.round(timeoutMs / 1000)} seconds.`);
    }
    throw new ContractFailure('UNAVAILABLE', 'The connection to the Kalma server broke while reading its reply.');
  }
}

function parseApiError(text: string): ApiError['error'] | null {
  try {
    const parsed = ApiError.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error : null;
  } catch {
    return null;
  }
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
