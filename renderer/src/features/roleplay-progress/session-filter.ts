import type { RolePlaySession } from '../../../../shared/api/roleplay';

/** What a trainer's list shows: peer sessions waiting for their review, the scored ones, or all. */
export type SessionFilter = 'to-review' | 'scored' | 'all';
export const SESSION_FILTERS: readonly SessionFilter[] = ['to-review', 'scored', 'all'];

/**
 * A peer session a trainer still has to score. Only once the call has ended: a session whose call
 * never connected has nothing to listen to, and one still running is not finished being played.
 */
export function waitsForReview(session: RolePlaySession): boolean {
  return session.peer && session.status === 'ended';
}

/** The sessions a filter keeps, newest first. */
export function filterSessions(sessions: readonly RolePlaySession[], filter: SessionFilter): RolePlaySession[] {
  const kept = sessions.filter((session) => filter === 'all' || (filter === 'scored' ? session.status === 'scored' : waitsForReview(session)));
  return kept.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
}
