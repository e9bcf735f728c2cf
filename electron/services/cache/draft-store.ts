import type { Database, Statement } from 'better-sqlite3';
import { DraftKey, DraftText } from '../../../shared/domain/draft';
import { parseInput } from './cache-errors';

/** Unsaved text, kept as the agent types; an empty text removes the draft. */
export class DraftStore {
  private readonly read: Statement<[string], { text: string }>;
  private readonly upsert: Statement<[string, string, string]>;
  private readonly remove: Statement<[string]>;

  constructor(
    db: Database,
    private readonly now: () => Date,
  ) {
    this.read = db.prepare('SELECT text FROM drafts WHERE key = ?');
    this.upsert = db.prepare(`INSERT INTO drafts (key, text, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`);
    this.remove = db.prepare('DELETE FROM drafts WHERE key = ?');
  }

  get(key: string): string | null {
    return this.read.get(parseInput(DraftKey, key, 'draft key'))?.text ?? null;
  }

  save(key: string, text: string): void {
    const k = parseInput(DraftKey, key, 'draft key');
    const t = parseInput(DraftText, text, 'draft');
    if (t.trim() === '') this.remove.run(k);
    else this.upsert.run(k, t, this.now().toISOString());
  }
}
