import type { StoredPolicyPack, TeamThresholds } from '../../shared/api/policy-admin';
import type { User } from '../../shared/domain/user';
import { DEFAULT_GUIDANCE_THRESHOLDS, GuidanceThresholds } from '../../shared/guidance/triggers';
import { PolicyPack } from '../../shared/policy/policy-pack';
import type { Db, Queryable } from '../db/db';
import { HttpError, issuesOfBody } from '../http/errors';
import { CHANGES_CHANNEL } from '../sync/live';
import { POLICY_PACK_ROW } from './store';

/**
 * The floor's policy pack as admins edit it, and each team's trigger thresholds. Both travel to
 * consoles inside the guidance content; a save moves the guidance stamp (the `policies` row is
 * re-stamped by its trigger; thresholds add their own part, `thresholdsStamp`) and pokes every
 * console, so open consoles refetch on their next pull.
 */

const iso = (value: Date | string): string => new Date(value).toISOString();

interface PackRow {
  body: unknown;
  updated_at: Date | string;
  updated_by: string | null;
}

export async function storedPolicyPack(db: Queryable): Promise<StoredPolicyPack> {
  const { rows } = await db.query<PackRow>('SELECT body, updated_at, updated_by FROM policies WHERE id = $1 AND NOT deleted', [POLICY_PACK_ROW]);
  const row = rows[0];
  if (!row) throw new HttpError(404, 'NOT_FOUND', 'This server has no policy pack yet.');
  const parsed = PolicyPack.safeParse(row.body);
  // Only a hand-edited database gets here: show the admin what is wrong rather than a blank editor.
  if (!parsed.success) throw new HttpError(409, 'CONFLICT', 'The stored policy pack is not valid; fix it in the database or restore a default.', { issues: issuesOfBody(parsed.error) });
  return { pack: parsed.data, updatedAt: iso(row.updated_at), updatedBy: row.updated_by };
}

/**
 * Saves an admin's pack as version `baseVersion + 1`, refusing it when the stored pack moved on
 * since the admin loaded it. The pack is already parsed (route boundary); the audit row and the
 * poke commit with it.
 */
export async function savePolicyPack(db: Db, pack: PolicyPack, baseVersion: number, user: User): Promise<StoredPolicyPack> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ body: { version?: unknown } }>('SELECT body FROM policies WHERE id = $1 FOR UPDATE', [POLICY_PACK_ROW]);
    const current = rows[0];
    if (!current) throw new HttpError(404, 'NOT_FOUND', 'This server has no policy pack yet.');
    const storedVersion = typeof current.body.version === 'number' ? current.body.version : 0;
    if (storedVersion !== baseVersion) {
      throw new HttpError(409, 'CONFLICT', `Someone saved the policy (version ${storedVersion}) after you opened version ${baseVersion}. Reload it and make your change again.`);
    }
    const saved: PolicyPack = { ...pack, version: storedVersion + 1 };
    const updated = await tx.query<{ updated_at: Date | string }>(
      `UPDATE policies SET body = $2::jsonb, title = $3, updated_by = $4, deleted = false WHERE id = $1 RETURNING updated_at`,
      [POLICY_PACK_ROW, JSON.stringify(saved), saved.name.en ?? saved.id, user.id],
    );
    await tx.query('INSERT INTO policy_pack_changes (pack_version, body, saved_by) VALUES ($1, $2::jsonb, $3)', [saved.version, JSON.stringify(saved), user.id]);
    await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, '']);
    return { pack: saved, updatedAt: iso(updated.rows[0]!.updated_at), updatedBy: user.id };
  });
}

interface TeamRow {
  team_id: string;
  team_name: string;
  body: unknown;
  updated_at: Date | string | null;
  updated_by: string | null;
}

function teamEntry(row: TeamRow, warn: (what: object, message: string) => void): TeamThresholds {
  const parsed = row.body === null ? null : GuidanceThresholds.safeParse(row.body);
  if (parsed && !parsed.success) warn({ teamId: row.team_id }, 'team thresholds left out: not valid; the defaults apply');
  const custom = parsed?.success === true;
  return {
    teamId: row.team_id,
    teamName: row.team_name,
    thresholds: custom ? parsed.data : DEFAULT_GUIDANCE_THRESHOLDS,
    custom,
    updatedAt: custom && row.updated_at ? iso(row.updated_at) : null,
    updatedBy: custom ? row.updated_by : null,
  };
}

const TEAM_SELECT = `SELECT t.id AS team_id, t.name AS team_name, g.body, g.updated_at, g.updated_by
  FROM teams t LEFT JOIN team_guidance_thresholds g ON g.team_id = t.id`;

/** The teams this person may tune: every team for an admin, their own teams for a supervisor. */
export async function editableTeamThresholds(db: Queryable, user: User, warn: (what: object, message: string) => void): Promise<TeamThresholds[]> {
  const { rows } =
    user.role === 'admin'
      ? await db.query<TeamRow>(`${TEAM_SELECT} ORDER BY t.name, t.id`)
      : await db.query<TeamRow>(`${TEAM_SELECT} JOIN team_members m ON m.team_id = t.id WHERE m.user_id = $1 ORDER BY t.name, t.id`, [user.id]);
  return rows.map((row) => teamEntry(row, warn));
}

/** Admins tune any team; a supervisor only a team they belong to. */
export function mayTune(user: User, teamId: string): boolean {
  return user.role === 'admin' || (user.role === 'supervisor' && user.teams.some((team) => team.id === teamId));
}

export async function saveTeamThresholds(db: Db, teamId: string, thresholds: GuidanceThresholds, user: User): Promise<TeamThresholds> {
  if (!mayTune(user, teamId)) throw new HttpError(403, 'FORBIDDEN', "Only this team's supervisors and admins change its guidance thresholds.");
  return db.transaction(async (tx) => {
    const team = await tx.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [teamId]);
    if (!team.rows[0]) throw new HttpError(404, 'NOT_FOUND', 'No team has this id.');
    const body = JSON.stringify(thresholds);
    const { rows } = await tx.query<{ updated_at: Date | string }>(
      `INSERT INTO team_guidance_thresholds (team_id, body, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, clock_timestamp())
       ON CONFLICT (team_id) DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = clock_timestamp()
       RETURNING updated_at`,
      [teamId, body, user.id],
    );
    await tx.query('INSERT INTO team_threshold_changes (team_id, body, changed_by) VALUES ($1, $2::jsonb, $3)', [teamId, body, user.id]);
    await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, '']);
    return { teamId, teamName: team.rows[0].name, thresholds, custom: true, updatedAt: iso(rows[0]!.updated_at), updatedBy: user.id };
  });
}

/**
 * The thresholds a person's console runs on: their team's (the first of their teams, by id, that
 * has its own), else the defaults. An agent is normally on one team; the order only settles the rare
 * agent on two.
 */
async function ownThresholdsRow(db: Queryable, userId: string): Promise<{ team_id: string; body: unknown; updated_at: Date | string } | null> {
  const { rows } = await db.query<{ team_id: string; body: unknown; updated_at: Date | string }>(
    `SELECT g.team_id, g.body, g.updated_at FROM team_guidance_thresholds g
     JOIN team_members m ON m.team_id = g.team_id WHERE m.user_id = $1 ORDER BY g.team_id LIMIT 1`,
    [userId],
  );
  return rows[0] ?? null;
}

export async function thresholdsFor(db: Queryable, userId: string, warn: (what: object, message: string) => void): Promise<GuidanceThresholds> {
  const row = await ownThresholdsRow(db, userId);
  if (!row) return DEFAULT_GUIDANCE_THRESHOLDS;
  const parsed = GuidanceThresholds.safeParse(row.body);
  if (!parsed.success) warn({ teamId: row.team_id }, 'team thresholds left out: not valid; the defaults apply');
  return parsed.success ? parsed.data : DEFAULT_GUIDANCE_THRESHOLDS;
}

/** The part of a person's guidance stamp that moves when their team's thresholds change. */
export async function thresholdsStamp(db: Queryable, userId: string): Promise<string> {
  const row = await ownThresholdsRow(db, userId);
  return row ? `${row.team_id}@${iso(row.updated_at)}` : 'default';
}
