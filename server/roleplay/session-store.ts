import { z } from 'zod';
import { RolePlaySession, type CallEventRequest, type MarkRequest } from '../../shared/api/roleplay';
import type { Language } from '../../shared/domain/user';
import type { SessionScore } from '../../shared/roleplay/scoring';
import type { Queryable } from '../db/db';

/**
 * Role-play sessions as stored (migration 019) and as the API shows them. Plain reads and writes;
 * who may do what is in access.ts, the rules of a session in sessions.ts.
 */

/** What the access rules and the handlers need of a session without reading it whole. */
export interface SessionFacts {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  callerId: string;
  traineeId: string;
  teamId: string;
  peer: boolean;
  status: RolePlaySession['status'];
  marks: RolePlaySession['marks'];
}

interface SessionRow {
  id: string;
  scenario_id: string;
  scenario_version: number;
  title: unknown;
  language: Language;
  caller_id: string;
  caller_name: string;
  trainee_id: string;
  trainee_name: string;
  team_id: string;
  peer: boolean;
  status: string;
  created_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  marks: unknown;
  feedback: string | null;
  score: unknown;
  scored_by: string | null;
  scored_by_name: string | null;
  recording_bytes: number | null;
  recording_duration_ms: number | null;
}

const SELECT_SESSIONS = `
  SELECT s.id, s.scenario_id, s.scenario_version, sc.body -> 'title' AS title, s.language,
         s.caller_id, c.display_name AS caller_name, s.trainee_id, t.display_name AS trainee_name,
         s.team_id, s.peer, s.status, s.created_at, s.answered_at, s.ended_at, s.marks, s.feedback, s.score,
         s.scored_by, b.display_name AS scored_by_name, r.bytes AS recording_bytes, r.duration_ms AS recording_duration_ms
    FROM roleplay_sessions s
    JOIN roleplay_scenarios sc ON sc.id = s.scenario_id AND sc.version = s.scenario_version
    JOIN users c ON c.id = s.caller_id
    JOIN users t ON t.id = s.trainee_id
    LEFT JOIN users b ON b.id = s.scored_by
    LEFT JOIN roleplay_recordings r ON r.session_id = s.id`;

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Parsed on the way out: the jsonb columns are only as good as what was written into them. */
function toSession(row: SessionRow): RolePlaySession {
  return RolePlaySession.parse({
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioVersion: row.scenario_version,
    title: row.title,
    language: row.language,
    caller: { id: row.caller_id, name: row.caller_name },
    trainee: { id: row.trainee_id, name: row.trainee_name },
    teamId: row.team_id,
    peer: row.peer,
    status: row.status,
    createdAt: iso(row.created_at),
    answeredAt: iso(row.answered_at),
    endedAt: iso(row.ended_at),
    marks: row.marks,
    feedback: row.feedback,
    score: row.score,
    scoredBy: row.scored_by === null ? null : { id: row.scored_by, name: row.scored_by_name },
    recording: row.recording_bytes === null ? null : { bytes: row.recording_bytes, durationMs: row.recording_duration_ms },
  });
}

export async function readSession(q: Queryable, id: string): Promise<RolePlaySession | null> {
  const { rows } = await q.query<SessionRow>(`${SELECT_SESSIONS} WHERE s.id = $1`, [id]);
  return rows[0] ? toSession(rows[0]) : null;
}

export async function sessionFacts(q: Queryable, id: string): Promise<SessionFacts | null> {
  const session = await readSession(q, id);
  if (!session) return null;
  const { scenarioId, scenarioVersion, teamId, peer, status, marks } = session;
  return { id, scenarioId, scenarioVersion, callerId: session.caller.id, traineeId: session.trainee.id, teamId, peer, status, marks };
}

/** Which sessions a list may show: one person's (as trainee or caller), or whole teams'. */
export type SessionScope = { person: string } | { teamIds: readonly string[] };

export async function listSessions(q: Queryable, scope: SessionScope, filter: { traineeId?: string; scoredOnly?: boolean }): Promise<RolePlaySession[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if ('person' in scope) {
    const me = param(scope.person);
    where.push(`(s.trainee_id = ${me} OR s.caller_id = ${me})`);
  } else {
    where.push(`s.team_id = ANY(${param(scope.teamIds)}::text[])`);
  }
  if (filter.traineeId !== undefined) where.push(`s.trainee_id = ${param(filter.traineeId)}`);
  if (filter.scoredOnly) where.push(`s.status = 'scored'`);
  const { rows } = await q.query<SessionRow>(`${SELECT_SESSIONS} WHERE ${where.join(' AND ')} ORDER BY s.created_at DESC, s.id LIMIT 1000`, params);
  return rows.map(toSession);
}

export interface NewSession {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  language: Language;
  callerId: string;
  traineeId: string;
  teamId: string;
  peer: boolean;
  createdAt: Date;
}

export async function insertSession(q: Queryable, session: NewSession): Promise<void> {
  await q.query(
    `INSERT INTO roleplay_sessions (id, scenario_id, scenario_version, language, caller_id, trainee_id, team_id, peer, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ready', $9)`,
    [session.id, session.scenarioId, session.scenarioVersion, session.language, session.callerId, session.traineeId, session.teamId, session.peer, session.createdAt],
  );
}

/**
 * The caller's console reports the call. Idempotent: the first time reported is kept, a repeat
 * changes nothing, and a late "answered" never takes an ended or scored session back into the call.
 */
export async function recordCallEvent(q: Queryable, id: string, { event, at }: CallEventRequest): Promise<void> {
  if (event === 'answered') {
    await q.query(
      `UPDATE roleplay_sessions SET answered_at = coalesce(answered_at, $2),
              status = CASE WHEN status = 'ready' THEN 'in-call' ELSE status END
        WHERE id = $1`,
      [id, at],
    );
  } else {
    await q.query(
      `UPDATE roleplay_sessions SET ended_at = coalesce(ended_at, $2),
              status = CASE WHEN status IN ('ready', 'in-call') THEN 'ended' ELSE status END
        WHERE id = $1`,
      [id, at],
    );
  }
}

export async function appendMark(q: Queryable, id: string, mark: MarkRequest, by: string): Promise<void> {
  await q.query(`UPDATE roleplay_sessions SET marks = marks || $2::jsonb WHERE id = $1`, [id, JSON.stringify([{ ...mark, by }])]);
}

/** Keeps the feedback and the score; false when the session was scored meanwhile. */
export async function keepScore(q: Queryable, id: string, result: { feedback: string; score: SessionScore; by: string }): Promise<boolean> {
  const { rows } = await q.query(
    `UPDATE roleplay_sessions SET feedback = $2, score = $3::jsonb, scored_by = $4, scored_at = now(), status = 'scored'
      WHERE id = $1 AND status <> 'scored' RETURNING id`,
    [id, result.feedback, JSON.stringify(result.score), result.by],
  );
  return rows.length > 0;
}

export async function keepRecording(q: Queryable, id: string, audio: Buffer, durationMs: number): Promise<void> {
  await q.query(
    `INSERT INTO roleplay_recordings (session_id, audio, bytes, duration_ms, recorded_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (session_id) DO UPDATE SET audio = EXCLUDED.audio, bytes = EXCLUDED.bytes, duration_ms = EXCLUDED.duration_ms, recorded_at = now()`,
    [id, audio, audio.length, durationMs],
  );
}

export async function readRecording(q: Queryable, id: string): Promise<Buffer | null> {
  const { rows } = await q.query<{ audio: Uint8Array }>(`SELECT audio FROM roleplay_recordings WHERE session_id = $1`, [id]);
  const audio = rows[0]?.audio;
  // pg hands back a Buffer, PGlite a Uint8Array.
  return audio === undefined ? null : Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength);
}

/** Scored sessions as progress() reads them, dated by the call's end (its start if the end was never reported). */
export async function scoredSessions(q: Queryable, scope: SessionScope, traineeId?: string) {
  const sessions = await listSessions(q, scope, { scoredOnly: true, ...(traineeId !== undefined ? { traineeId } : {}) });
  return sessions.flatMap((session) =>
    session.score === null
      ? []
      : [{ sessionId: session.id, traineeId: session.trainee.id, teamId: session.teamId, scenarioId: session.scenarioId, endedAt: session.endedAt ?? session.createdAt, score: session.score }],
  );
}

export const SessionIdParams = z.object({ id: z.uuid() }).strict();
