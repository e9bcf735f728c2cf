import { z } from 'zod';
import type { User } from '../../shared/domain/user';
import { Scenario } from '../../shared/roleplay/scenario';
import { checkScenario, type ScenarioCheckContext } from '../../shared/roleplay/scenario-check';
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/errors';

/**
 * Scenarios as stored: every published version kept, at most one draft per scenario, numbered as
 * the version it would be published as (migration 019).
 */

interface ScenarioRow {
  id: string;
  version: number;
  status: string;
  body: unknown;
}

type Warn = (what: object, message: string) => void;

/** A stored row as a scenario; its id, version and status are the row's, whatever the body says. */
function fromRow(row: ScenarioRow, warn: Warn): Scenario | null {
  const parsed = Scenario.safeParse({ ...(row.body as object), id: row.id, version: row.version, status: row.status });
  if (parsed.success) return parsed.data;
  warn({ scenarioId: row.id, version: row.version }, 'stored role-play scenario left out: not valid');
  return null;
}

/** What a scenario may name as its script: the scripts agents have now (published, not retired). */
export async function scenarioCheckContext(q: Queryable): Promise<ScenarioCheckContext> {
  const { rows } = await q.query<{ script_id: string }>(
    `SELECT DISTINCT v.script_id FROM script_versions v
      WHERE NOT EXISTS (SELECT 1 FROM script_retirements r WHERE r.script_id = v.script_id)`,
  );
  return { scriptIds: rows.map((row) => row.script_id) };
}

/** The newest published version of each scenario, and each draft when `drafts` (trainers). */
export async function listScenarios(q: Queryable, { drafts }: { drafts: boolean }, warn: Warn): Promise<Scenario[]> {
  const { rows } = await q.query<ScenarioRow>(
    `SELECT DISTINCT ON (id) id, version, status, body FROM roleplay_scenarios WHERE status = 'published' ORDER BY id, version DESC`,
  );
  const draftRows = drafts ? (await q.query<ScenarioRow>(`SELECT id, version, status, body FROM roleplay_scenarios WHERE status = 'draft' ORDER BY id`)).rows : [];
  return [...rows, ...draftRows]
    .map((row) => fromRow(row, warn))
    .filter((scenario): scenario is Scenario => scenario !== null)
    .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
}

/** The version a new session is played with: the newest published one; null when there is none. */
export async function newestPublished(q: Queryable, id: string, warn: Warn): Promise<Scenario | null> {
  const { rows } = await q.query<ScenarioRow>(
    `SELECT id, version, status, body FROM roleplay_scenarios WHERE id = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`,
    [id],
  );
  return rows[0] ? fromRow(rows[0], warn) : null;
}

/** One stored version (a session's own); it was published when the session started, so it is there. */
export async function scenarioVersion(q: Queryable, id: string, version: number): Promise<Scenario> {
  const { rows } = await q.query<ScenarioRow>(`SELECT id, version, status, body FROM roleplay_scenarios WHERE id = $1 AND version = $2`, [id, version]);
  const row = rows[0];
  if (!row) throw new Error(`role-play scenario ${id} version ${version} is missing`);
  return Scenario.parse({ ...(row.body as object), id: row.id, version: row.version, status: row.status });
}

async function latestPublishedVersion(q: Queryable, id: string): Promise<number | null> {
  const { rows } = await q.query<{ version: number | null }>(`SELECT max(version) AS version FROM roleplay_scenarios WHERE id = $1 AND status = 'published'`, [id]);
  return z.number().int().nullable().parse(rows[0]?.version ?? null);
}

/**
 * A trainer's save. A draft is kept as it is, however unfinished. Publishing runs the publishing
 * checks and refuses with every issue listed; a published scenario becomes the next version (the
 * draft in progress, if any, is that version and is replaced), and earlier versions stay for the
 * sessions played with them.
 */
export async function saveScenario(db: Db, scenario: Scenario, user: User): Promise<Scenario> {
  if (scenario.status === 'published') {
    const issues = checkScenario(scenario, await scenarioCheckContext(db));
    if (issues.length > 0) {
      throw new HttpError(400, 'INVALID_INPUT', `This scenario cannot be published yet: ${issues.map((issue) => `${issue.where}: ${issue.message}`).join('; ')}`, {
        issues: issues.map((issue) => ({ path: issue.where, message: issue.message })),
      });
    }
  }
  return db.transaction(async (tx) => {
    // One save at a time per scenario, so two publishes cannot take the same version.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`roleplay-scenario:${scenario.id}`]);
    const version = ((await latestPublishedVersion(tx, scenario.id)) ?? 0) + 1;
    const saved: Scenario = { ...scenario, version };
    await tx.query(
      `INSERT INTO roleplay_scenarios (id, version, status, body, updated_by, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5, now())
       ON CONFLICT (id, version) DO UPDATE SET status = EXCLUDED.status, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()
         WHERE roleplay_scenarios.status = 'draft'`,
      [saved.id, version, saved.status, JSON.stringify(saved), user.id],
    );
    return saved;
  });
}

/** Stores a default as version 1 under an id the server has never seen; returns whether it did. */
export async function seedScenario(q: Queryable, scenario: Scenario): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO roleplay_scenarios (id, version, status, body)
     SELECT $1, 1, 'published', $2::jsonb
      WHERE NOT EXISTS (SELECT 1 FROM roleplay_scenarios WHERE id = $1)
     RETURNING id`,
    [scenario.id, JSON.stringify({ ...scenario, version: 1, status: 'published' })],
  );
  return rows.length > 0;
}
