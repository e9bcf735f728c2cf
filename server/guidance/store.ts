import { z } from 'zod';
import type { EditableScript, GuidanceContent, ScriptVersionRef } from '../../shared/contract/guidance';
import { Script } from '../../shared/guidance/script';
import { checkScript } from '../../shared/guidance/script-check';
import { newScriptDraft, type NewScript } from '../../shared/guidance/script-new';
import { DEFAULT_GUIDANCE_THRESHOLDS } from '../../shared/guidance/triggers';
import { PolicyPack } from '../../shared/policy/policy-pack';
import type { User } from '../../shared/domain/user';
import type { Db, Queryable } from '../db/db';
import { HttpError } from '../http/errors';
import { CHANGES_CHANNEL } from '../sync/live';
import type { PolicyPackCode } from './defaults';

/** The `policies` row holding the floor's pack; one pack per server (KALMA_POLICY_PACK). */
export const POLICY_PACK_ROW = 'policy-pack';

interface VersionRow {
  script_id: string;
  version: number;
  body: unknown;
  published_at: Date | string;
  published_by: string | null;
}

interface DraftRow {
  script_id: string;
  body: unknown;
  updated_at: Date | string;
  updated_by: string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Seeds what is absent: a script id never seen, the pack when none is stored. Returns what it added. */
export async function seedGuidance(db: Db, scripts: Script[], pack: PolicyPack, code: PolicyPackCode): Promise<{ scripts: number; pack: boolean }> {
  return db.transaction(async (tx) => {
    let added = 0;
    for (const script of scripts) {
      const { rows } = await tx.query(
        `INSERT INTO script_versions (script_id, version, body)
         SELECT $1, $2, $3::jsonb
         WHERE NOT EXISTS (SELECT 1 FROM script_versions WHERE script_id = $1)
           AND NOT EXISTS (SELECT 1 FROM script_drafts WHERE script_id = $1)
         RETURNING script_id`,
        [script.id, script.version, JSON.stringify({ ...script, status: 'published' })],
      );
      added += rows.length;
    }
    const { rows } = await tx.query(
      `INSERT INTO policies (id, kind, title, body, published) VALUES ($1, $2, $3, $4::jsonb, true)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [POLICY_PACK_ROW, `policy-pack-${code}`, pack.name.en ?? pack.id, JSON.stringify(pack)],
    );
    return { scripts: added, pack: rows.length > 0 };
  });
}

/** Published content, the newest version of each script; a stored script that no longer parses is left out. */
export async function guidanceContent(db: Queryable, warn: (what: object, message: string) => void): Promise<GuidanceContent> {
  const { rows } = await db.query<VersionRow>(
    `SELECT DISTINCT ON (v.script_id) v.script_id, v.version, v.body, v.published_at, v.published_by
     FROM script_versions v
     WHERE NOT EXISTS (SELECT 1 FROM script_retirements r WHERE r.script_id = v.script_id)
     ORDER BY v.script_id, v.version DESC`,
  );
  const scripts: Script[] = [];
  let updatedAt: string | null = null;
  for (const row of rows) {
    const parsed = Script.safeParse({ ...(row.body as object), version: row.version, status: 'published' });
    if (parsed.success) scripts.push(parsed.data);
    else warn({ scriptId: row.script_id, version: row.version }, 'published script left out: not valid');
    const at = iso(row.published_at);
    if (updatedAt === null || at > updatedAt) updatedAt = at;
  }
  const pack = await db.query<{ body: unknown }>('SELECT body FROM policies WHERE id = $1 AND NOT deleted', [POLICY_PACK_ROW]);
  const parsedPack = pack.rows[0] ? PolicyPack.safeParse(pack.rows[0].body) : null;
  if (parsedPack && !parsedPack.success) warn({}, 'policy pack left out: not valid');
  return { scripts, policyPack: parsedPack?.success ? parsedPack.data : null, thresholds: DEFAULT_GUIDANCE_THRESHOLDS, updatedAt };
}

/** A fingerprint of the published content: a console refetches only when it differs. */
export async function guidanceStamp(db: Queryable): Promise<string> {
  const { rows } = await db.query<{
    n: number | string;
    latest: Date | string | null;
    pack: number | string | null;
    retired: number | string | null;
    retired_latest: Date | string | null;
  }>(
    `SELECT (SELECT count(*) FROM script_versions) AS n,
            (SELECT max(published_at) FROM script_versions) AS latest,
            (SELECT version FROM policies WHERE id = $1) AS pack,
            (SELECT count(*) FROM script_retirements) AS retired,
            (SELECT max(retired_at) FROM script_retirements) AS retired_latest`,
    [POLICY_PACK_ROW],
  );
  const row = rows[0];
  // Retirements count too: a console must drop a retired script on its next fetch.
  const retired = `${String(row?.retired ?? 0)}@${row?.retired_latest ? iso(row.retired_latest) : '-'}`;
  return `${String(row?.n ?? 0)}|${row?.latest ? iso(row.latest) : '-'}|${String(row?.pack ?? '-')}|${retired}`;
}

/** Every script's working copy: its draft when one is in progress, else its newest published version. */
export async function editableScripts(db: Queryable): Promise<EditableScript[]> {
  const published = await db.query<VersionRow>(
    `SELECT DISTINCT ON (script_id) script_id, version, body, published_at, published_by
     FROM script_versions ORDER BY script_id, version DESC`,
  );
  const drafts = await db.query<DraftRow>('SELECT script_id, body, updated_at, updated_by FROM script_drafts');
  const retiredRows = await db.query<{ script_id: string }>('SELECT script_id FROM script_retirements');
  const retired = new Set(retiredRows.rows.map((row) => row.script_id));
  const byId = new Map<string, EditableScript>();
  for (const row of published.rows) {
    const parsed = Script.safeParse({ ...(row.body as object), version: row.version, status: 'published' });
    if (parsed.success) {
      byId.set(row.script_id, {
        script: parsed.data,
        publishedVersion: row.version,
        updatedAt: iso(row.published_at),
        updatedBy: row.published_by,
        retired: retired.has(row.script_id),
      });
    }
  }
  for (const row of drafts.rows) {
    const parsed = Script.safeParse(row.body);
    if (!parsed.success) continue;
    const publishedVersion = byId.get(row.script_id)?.publishedVersion ?? null;
    byId.set(row.script_id, { script: parsed.data, publishedVersion, updatedAt: iso(row.updated_at), updatedBy: row.updated_by, retired: retired.has(row.script_id) });
  }
  return [...byId.values()].sort((a, b) => a.script.id.localeCompare(b.script.id));
}

/** Saves a draft; the draft carries the version it would be published as. */
export async function saveDraft(db: Db, script: Script, user: User): Promise<EditableScript> {
  return db.transaction(async (tx) => {
    const latest = await latestVersion(tx, script.id);
    const draft: Script = { ...script, status: 'draft', version: (latest ?? 0) + 1 };
    const { rows } = await tx.query<{ updated_at: Date | string }>(
      `INSERT INTO script_drafts (script_id, body, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (script_id) DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING updated_at`,
      [script.id, JSON.stringify(draft), user.id],
    );
    const retired = await tx.query('SELECT 1 FROM script_retirements WHERE script_id = $1', [script.id]);
    return { script: draft, publishedVersion: latest, updatedAt: iso(rows[0]!.updated_at), updatedBy: user.id, retired: retired.rows.length > 0 };
  });
}

/** Starts a script as a draft; an id already used by a published script or a draft is refused. */
export async function createScript(db: Db, input: NewScript, user: User): Promise<EditableScript> {
  return db.transaction(async (tx) => {
    const taken = await tx.query(
      'SELECT 1 FROM script_versions WHERE script_id = $1 UNION ALL SELECT 1 FROM script_drafts WHERE script_id = $1 LIMIT 1',
      [input.id],
    );
    if (taken.rows.length > 0) {
      throw new HttpError(409, 'CONFLICT', `A script with the id "${input.id}" already exists. Choose another id.`, {
        issues: [{ path: 'id', message: 'Already used by another script.' }],
      });
    }
    const draft = newScriptDraft(input);
    const { rows } = await tx.query<{ updated_at: Date | string }>(
      'INSERT INTO script_drafts (script_id, body, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now()) RETURNING updated_at',
      [draft.id, JSON.stringify(draft), user.id],
    );
    return { script: draft, publishedVersion: null, updatedAt: iso(rows[0]!.updated_at), updatedBy: user.id, retired: false };
  });
}

/**
 * Takes a script off the floor. Its published versions stay (call records name the version a call
 * walked); the notification makes every console refetch and drop it. A draft in progress stays too,
 * so publishing it later brings the script back.
 */
export async function retireScript(db: Db, scriptId: string, user: User): Promise<EditableScript> {
  await db.transaction(async (tx) => {
    const latest = await latestVersion(tx, scriptId);
    const draft = await tx.query('SELECT 1 FROM script_drafts WHERE script_id = $1', [scriptId]);
    if (latest === null && draft.rows.length === 0) throw new HttpError(404, 'NOT_FOUND', 'There is no script with this id.');
    if (latest === null) {
      // Never published, so no call used it: retiring a draft only would leave nothing to keep.
      throw new HttpError(409, 'CONFLICT', 'This script was never published, so agents do not see it. There is nothing to retire.');
    }
    await tx.query(
      `INSERT INTO script_retirements (script_id, retired_by, retired_at) VALUES ($1, $2, now())
       ON CONFLICT (script_id) DO NOTHING`,
      [scriptId, user.id],
    );
    await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, '']);
  });
  const entry = (await editableScripts(db)).find((item) => item.script.id === scriptId);
  if (!entry) throw new HttpError(404, 'NOT_FOUND', 'There is no script with this id.');
  return entry;
}

/**
 * Publishes a script's draft as the next version. The previous versions stay (calls in progress keep
 * theirs); the commit pokes every console so their hosts fetch the new content.
 */
export async function publishDraft(db: Db, scriptId: string, user: User): Promise<ScriptVersionRef> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<DraftRow>('SELECT script_id, body FROM script_drafts WHERE script_id = $1 FOR UPDATE', [scriptId]);
    const draft = rows[0];
    if (!draft) throw new HttpError(409, 'CONFLICT', 'There is no draft of this script to publish. Save a draft first.');
    const version = ((await latestVersion(tx, scriptId)) ?? 0) + 1;
    const parsed = Script.safeParse({ ...(draft.body as object), status: 'published', version });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
      throw new HttpError(400, 'INVALID_INPUT', 'This draft cannot be published: it is not complete.', { issues });
    }
    const problems = checkScript(parsed.data);
    if (problems.length > 0) {
      const issues = problems.map((problem) => ({ path: problem.where, message: problem.message }));
      throw new HttpError(400, 'INVALID_INPUT', `This draft cannot be published yet: ${problems[0]!.message}`, { issues });
    }
    await tx.query(
      'INSERT INTO script_versions (script_id, version, body, published_by, published_at) VALUES ($1, $2, $3::jsonb, $4, now())',
      [scriptId, version, JSON.stringify(parsed.data), user.id],
    );
    await tx.query('DELETE FROM script_drafts WHERE script_id = $1', [scriptId]);
    // Publishing a retired script puts it back on the floor.
    await tx.query('DELETE FROM script_retirements WHERE script_id = $1', [scriptId]);
    await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, '']);
    return { id: scriptId, version };
  });
}

async function latestVersion(q: Queryable, scriptId: string): Promise<number | null> {
  const { rows } = await q.query<{ version: number | null }>('SELECT max(version) AS version FROM script_versions WHERE script_id = $1', [scriptId]);
  return z.number().int().nullable().parse(rows[0]?.version ?? null);
}
