import type { User } from '../../shared/domain/user';
import { HttpError } from '../http/errors';
import type { SessionFacts, SessionScope } from './session-store';

/**
 * Who may see and score a role-play session. Training results are personal: the trainee, whoever
 * played the customer, and the trainers and supervisors of the session's team; not another
 * trainee, and not an admin (who runs the server, not the floor).
 */

const inTeam = (user: User, teamId: string) => user.teams.some((team) => team.id === teamId);

export function mayRead(user: User, session: SessionFacts): boolean {
  if (user.id === session.traineeId || user.id === session.callerId) return true;
  return (user.role === 'trainer' || user.role === 'supervisor') && inTeam(user, session.teamId);
}

/** The session's trainer marks and scores it; a peer session is reviewed by a trainer of the team. */
export function mayScore(user: User, session: SessionFacts): boolean {
  if (user.role !== 'trainer') return false;
  return session.peer ? inTeam(user, session.teamId) : user.id === session.callerId;
}

export function requireRead(user: User, session: SessionFacts): void {
  if (!mayRead(user, session)) throw new HttpError(403, 'FORBIDDEN', 'This training session is not yours, nor one of a team you train or supervise.');
}

export function requireScore(user: User, session: SessionFacts): void {
  if (mayScore(user, session)) return;
  const who = session.peer ? 'a trainer of the team' : 'the trainer who ran it';
  throw new HttpError(403, 'FORBIDDEN', `Only ${who} may mark and score this training session.`);
}

export function requireCaller(user: User, session: SessionFacts): void {
  if (user.id !== session.callerId) throw new HttpError(403, 'FORBIDDEN', 'Only the console that placed this training call may report it.');
}

/**
 * The recording is made on the trainee's console, where they agreed to it while the call rang; so
 * only the trainee's console sends it.
 */
export function requireTrainee(user: User, session: SessionFacts): void {
  if (user.id !== session.traineeId) throw new HttpError(403, 'FORBIDDEN', 'Only the trainee, who agreed to the recording, may send it.');
}

/** The sessions a list shows: an agent's own (trained, or placed as a peer); a trainer's or supervisor's teams'. */
export function listScope(user: User): SessionScope {
  if (user.role === 'agent') return { person: user.id };
  if (user.role === 'trainer' || user.role === 'supervisor') return { teamIds: user.teams.map((team) => team.id) };
  throw new HttpError(403, 'FORBIDDEN', 'Training results are for agents, trainers and supervisors.');
}
