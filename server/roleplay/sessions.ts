import { randomUUID } from 'node:crypto';
import type { StartSessionRequest, StartSessionResponse, Trainee } from '../../shared/api/roleplay';
import type { User } from '../../shared/domain/user';
import { TICKET_TTL_SECONDS, type RolePlayTicket } from '../../shared/roleplay/session-ticket';
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/errors';
import { signGrant } from '../monitoring/grant-token';
import { agentAccount, agentPhone } from '../monitoring/grants';
import type { Signer } from '../monitoring/signing-keys';
import { visibleAgents } from '../wallboard/wallboard-reader';
import { newestPublished } from './scenario-store';
import { insertSession, readSession } from './session-store';

export interface SessionSettings {
  /** The SIP domain the phones register in; null when the server has no phone system. */
  sipDomain: string | null;
  now?: () => Date;
}

/**
 * Who can be trained by this person: a trainer's agents (the teams they belong to), or an agent's
 * team-mates for peer practice. One team per trainee: the first they share with the person asking.
 */
export async function trainees(q: Queryable, user: User): Promise<Trainee[]> {
  const { agents } = await visibleAgents(q, user);
  return agents.flatMap((agent) => {
    const teamId = agent.teamIds[0];
    return agent.id === user.id || teamId === undefined ? [] : [{ id: agent.id, name: agent.name, teamId }];
  });
}

/**
 * Starts a training call. A trainer plays the customer for an agent of their teams; an agent plays
 * the customer for a team-mate (a peer session, reviewed later by a trainer of the team). The
 * session plays the scenario's newest published version, and the ticket signed with the
 * monitoring key lets the trainee's console trust that the call is training.
 */
export async function startSession(
  db: Db,
  caller: User,
  request: StartSessionRequest,
  signer: Signer,
  settings: SessionSettings,
  warn: (what: object, message: string) => void,
): Promise<StartSessionResponse> {
  if (caller.role !== 'trainer' && caller.role !== 'agent') {
    throw new HttpError(403, 'FORBIDDEN', 'Training calls are placed by trainers, or by agents practising with a team-mate.');
  }
  const peer = caller.role === 'agent';
  if (settings.sipDomain === null) {
    throw new HttpError(503, 'SIP_NOT_CONFIGURED', 'This Kalma server has no phone system configured, so training calls cannot be placed.');
  }
  if (request.traineeId === caller.id) throw new HttpError(400, 'INVALID_INPUT', 'You cannot train yourself: choose a team-mate to play the customer for.');
  const trainee = await agentAccount(db, request.traineeId);
  if (!trainee) throw new HttpError(404, 'NOT_FOUND', 'There is no active agent with that id.');
  const team = caller.teams.find((mine) => trainee.teams.some((theirs) => theirs.id === mine.id));
  if (!team) {
    const why = peer ? 'is not in your team; peer practice is between team-mates' : 'is not in a team you train';
    throw new HttpError(403, 'FORBIDDEN', `${trainee.displayName} ${why}.`);
  }
  const scenario = await newestPublished(db, request.scenarioId, warn);
  if (!scenario) throw new HttpError(404, 'NOT_FOUND', 'There is no published scenario with that id.');
  if (!scenario.languages.includes(request.language)) {
    throw new HttpError(400, 'INVALID_INPUT', `This scenario is played in ${scenario.languages.join(', ')}, not ${request.language}.`, {
      issues: [{ path: 'language', message: 'Not a language this scenario is played in.' }],
    });
  }

  const now = settings.now?.() ?? new Date();
  const id = randomUUID();
  await insertSession(db, { id, scenarioId: scenario.id, scenarioVersion: scenario.version, language: request.language, callerId: caller.id, traineeId: trainee.id, teamId: team.id, peer, createdAt: now });
  const ticket: RolePlayTicket = {
    v: 1,
    kind: 'role-play',
    id,
    keyId: signer.keyId,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    language: request.language,
    callerId: caller.id,
    callerName: caller.displayName,
    traineeId: trainee.id,
    peer,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + TICKET_TTL_SECONDS * 1000).toISOString(),
  };
  const session = await readSession(db, id);
  if (!session) throw new Error(`role-play session ${id} vanished after it was stored`);
  return { session, token: signGrant(ticket, signer), ticket, target: agentPhone(trainee, settings.sipDomain).target };
}
