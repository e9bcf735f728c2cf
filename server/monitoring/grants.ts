import { randomUUID } from 'node:crypto';
import type { GrantRequest, GrantResponse, PbxDial, TakeOverResponse } from '../../shared/api/monitoring';
import { GRANT_TTL_SECONDS, type MonitoringGrant, type MonitorMode, type TakeOverOrder } from '../../shared/monitoring/grant';
import type { User } from '../../shared/domain/user';
import { pbxDialString, pbxModes, type PbxMonitoring } from '../../shared/monitoring/pbx-monitoring';
import { findUserById } from '../accounts/users';
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/errors';
import { auditGrantDecision, grantedTo } from './audit';
import { signGrant } from './grant-token';
import type { Signer } from './signing-keys';

export interface GrantSettings {
  /** The SIP domain the agents' phones register in; null when the server has no phone system. */
  sipDomain: string | null;
  /** Whether agents see that a supervisor is listening (whisper and barge are always shown). */
  showListening: boolean;
  /** Whether the call is the agent's live call right now, from the consoles' presence reports. */
  isLiveCall(q: Queryable, agentId: string, callId: string): Promise<boolean>;
  /** PBX mode: the site's PBX monitors through feature codes; null when Kalma's own legs do it. */
  pbx: PbxMonitoring | null;
  now?: () => Date;
}

/**
 * A supervisor asks to join an agent's live call. Refused (and audited) unless the supervisor
 * leads a team the agent is in, or decides at director level; the agent is an active agent; the
 * call is that agent's live call. A grant names one call, the modes asked for and lasts
 * GRANT_TTL_SECONDS: long enough to dial, too short to be useful later.
 */
export async function issueGrant(db: Db, supervisor: User, request: GrantRequest, signer: Signer, settings: GrantSettings): Promise<GrantResponse> {
  const offered = settings.pbx ? pbxModes(settings.pbx) : null;
  const modes = [...new Set(request.modes)].filter((mode) => offered === null || offered.includes(mode));
  const refuse = async (status: number, message: string, agentId: string | null): Promise<never> => {
    await auditGrantDecision(db, { event: 'grant-refused', supervisorId: supervisor.id, agentId, grantId: null, callId: request.callId, modes, detail: message });
    throw new HttpError(status, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN', message);
  };
  if (settings.sipDomain === null) {
    throw new HttpError(503, 'SIP_NOT_CONFIGURED', 'This Kalma server has no phone system configured, so calls cannot be monitored.');
  }
  const agent = await agentAccount(db, request.agentId);
  if (!agent) return refuse(404, 'There is no active agent with that id.', null);
  const ownTeam = supervisor.teams.some((team) => agent.teams.some((theirs) => theirs.id === team.id));
  if (!ownTeam && supervisor.approvalLevel !== 'director') {
    return refuse(403, `${agent.displayName} is not in a team you lead; only their own supervisors or a director may monitor their calls.`, agent.id);
  }
  if (modes.length === 0) {
    return refuse(403, `This site's phone system offers only ${offered?.join(', ')} for monitoring.`, agent.id);
  }
  if (!(await settings.isLiveCall(db, agent.id, request.callId))) {
    return refuse(404, `${agent.displayName} is not on that call now.`, agent.id);
  }
  const now = settings.now?.() ?? new Date();
  const grant: MonitoringGrant = {
    v: 1,
    id: randomUUID(),
    keyId: signer.keyId,
    supervisorId: supervisor.id,
    supervisorName: supervisor.displayName,
    agentId: agent.id,
    callId: request.callId,
    modes,
    showListening: settings.showListening,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + GRANT_TTL_SECONDS * 1000).toISOString(),
  };
  const token = signGrant(grant, signer);
  await auditGrantDecision(db, { event: 'granted', supervisorId: supervisor.id, agentId: agent.id, grantId: grant.id, callId: grant.callId, modes, detail: null });
  const domain = settings.sipDomain;
  const { extension, target } = agentPhone(agent, domain);
  const pbx = settings.pbx ? { dial: pbxDials(settings.pbx, modes, extension, domain), switchDigits: settings.pbx.switchDigits } : undefined;
  return { token, grant, target, ...(pbx ? { pbx } : {}) };
}

/**
 * An agent's phone as another Kalma phone dials it: the extension is the username, lower-cased as
 * the phone registers it. Monitoring legs and role-play calls both ring it.
 */
export function agentPhone(agent: Pick<User, 'username'>, sipDomain: string): { extension: string; target: string } {
  const extension = agent.username.toLowerCase();
  return { extension, target: `sip:${extension}@${sipDomain}` };
}

function pbxDials(pbx: PbxMonitoring, modes: readonly MonitorMode[], extension: string, domain: string): PbxDial['dial'] {
  const dial: PbxDial['dial'] = {};
  for (const mode of modes) dial[mode] = pbxDialString(pbx, mode, extension, domain);
  return dial;
}

/** An enabled account with the agent role, with its teams; null for anyone else. */
export async function agentAccount(q: Queryable, id: string): Promise<User | null> {
  const { rows } = await q.query<{ ok: boolean }>(`SELECT true AS ok FROM users WHERE id = $1 AND role = 'agent' AND NOT disabled`, [id]);
  if (!rows[0]) return null;
  return findUserById(q, id);
}

/**
 * The supervisor on a monitoring leg takes the customer: an order for the agent's console, signed
 * like a grant, for the call that grant named and only if that call is still the agent's live call.
 */
export async function orderTakeOver(db: Db, supervisor: User, grantId: string, signer: Signer, settings: GrantSettings): Promise<TakeOverResponse> {
  const granted = await grantedTo(db, supervisor.id, grantId);
  if (!granted) throw new HttpError(404, 'NOT_FOUND', 'You were not given that monitoring permission.');
  if (!(await settings.isLiveCall(db, granted.agentId, granted.callId))) {
    throw new HttpError(404, 'NOT_FOUND', 'The agent is not on that call any more.');
  }
  const now = settings.now?.() ?? new Date();
  const order: TakeOverOrder = {
    v: 1,
    kind: 'take-over',
    id: randomUUID(),
    keyId: signer.keyId,
    grantId,
    supervisorId: supervisor.id,
    supervisorName: supervisor.displayName,
    agentId: granted.agentId,
    callId: granted.callId,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + GRANT_TTL_SECONDS * 1000).toISOString(),
  };
  await auditGrantDecision(db, { event: 'take-over', supervisorId: supervisor.id, agentId: granted.agentId, grantId, callId: granted.callId, modes: [], detail: null });
  return { token: signGrant(order, signer), order };
}
