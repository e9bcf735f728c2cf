import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { DispositionCode } from '../../../shared/domain/disposition';
import { WrapUpRules } from '../../../shared/domain/wrap-up';
import { parseInput } from './cache-errors';

/** The copy of the server's wrap-up setup (codes and rules) that wrap-up reads, online or not. */
export class DispositionBook {
  private readonly all: Statement<[], { body: string }>;
  private readonly fetched: Statement<[], { at: string | null }>;
  private readonly readRules: Statement<[], { body: string }>;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {
    this.all = db.prepare('SELECT body FROM disposition_codes ORDER BY sort_order, code');
    this.fetched = db.prepare('SELECT fetched_at AS at FROM wrap_up_rules WHERE id = 1');
    this.readRules = db.prepare('SELECT body FROM wrap_up_rules WHERE id = 1');
  }

  /** Replaces the copy with what the server sent, in one transaction. */
  replace(list: readonly DispositionCode[], wrapUpRules: WrapUpRules): void {
    const codes = parseInput(z.array(DispositionCode).max(500), list, 'disposition codes');
    const rules = parseInput(WrapUpRules, wrapUpRules, 'wrap-up rules');
    const at = this.now().toISOString();
    const insert = this.db.prepare('INSERT INTO disposition_codes (code, body, sort_order, fetched_at) VALUES (?, ?, ?, ?)');
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM disposition_codes').run();
        for (const code of codes) insert.run(code.code, JSON.stringify(code), code.sortOrder, at);
        this.db
          .prepare('INSERT INTO wrap_up_rules (id, body, fetched_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at')
          .run(JSON.stringify(rules), at);
      })
      .immediate();
  }

  list(): DispositionCode[] {
    return this.all.all().map((row) => DispositionCode.parse(JSON.parse(row.body)));
  }

  /** The floor's rules as last fetched; null before the first fetch. */
  rules(): WrapUpRules | null {
    const row = this.readRules.get();
    return row ? WrapUpRules.parse(JSON.parse(row.body)) : null;
  }

  /** When the copy was last fetched; null when it never was. */
  fetchedAt(): string | null {
    return this.fetched.get()?.at ?? null;
  }
}
