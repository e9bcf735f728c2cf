import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { ContractFailure } from '../../../shared/contract/core';
import type { CustomerDetail, CustomerHit, PhoneMatch } from '../../../shared/domain/customer';
import { Author, NoteInteraction, NoteText, type InteractionView } from '../../../shared/domain/interaction';
import type { Order } from '../../../shared/domain/order';
import type { OutboxCounts, OutboxEntry } from '../../../shared/domain/outbox';
import { PhoneRegion } from '../../../shared/domain/phone';
import { EntityId } from '../../../shared/domain/row-version';
import { SyncCursor, SyncRow } from '../../../shared/domain/sync-row';
import { BatchWriter } from './batch-writer';
import { InvalidSyncRowError, parseInput } from './cache-errors';
import { CustomerReader } from './customer-reader';
import { CustomerSearch } from './customer-search';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { OutboxStore } from './outbox-store';
import { PhoneLookup } from './phone-lookup';
import { SearchIndex } from './search-index';

/**
 * The agent machine's customer cache: one SQLite file per signed-in user. Reads never wait for the
 * network; the sync client feeds it pull batches and drains its outbox. Host-agnostic: the
 * Electron main process and the web host both open it the same way.
 */

export interface CacheOptions {
  /** The floor's dialling region: how numbers without a country code are read (`PH`, `BR`). */
  region: string;
  /** Injected for tests; defaults to the wall clock and random UUIDs. */
  now?: () => Date;
  newId?: () => string;
}

export interface BatchOutcome {
  /** Rows that changed the cache; the rest were older than what it already held. */
  applied: number;
  stale: number;
  /** Customers whose search document or history changed, for the console to refresh. */
  customersTouched: string[];
}

/** The pull stream's row in `sync_state`; other feeds (scripts, policies) get their own. */
const PULL_STREAM = 'customers';
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export function openCache(file: string, options: CacheOptions): CustomerCache {
  const region = parseInput(PhoneRegion, options.region, 'phone region');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a note the agent saved survives a power cut (the outbox is the only copy until sent).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
    migrate(db, MIGRATIONS);
    return new CustomerCache(db, region, options.now ?? (() => new Date()), options.newId ?? randomUUID);
  } catch (error) {
    db.close();
    throw error;
  }
}

export class CustomerCache {
  private readonly index: SearchIndex;
  private readonly writer: BatchWriter;
  private readonly phones: PhoneLookup;
  private readonly finder: CustomerSearch;
  private readonly reader: CustomerReader;
  private readonly outboxStore: OutboxStore;
  private readonly readCursor: Database.Statement<[string], { cursor: string }>;
  private readonly writeCursor: Database.Statement<[string, string, string]>;
  private readonly customerExists: Database.Statement<[string], { id: string }>;

  constructor(
    private readonly db: Database.Database,
    region: PhoneRegion,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {
    this.index = new SearchIndex(db);
    this.writer = new BatchWriter(db, region, this.index);
    this.phones = new PhoneLookup(db, region);
    this.finder = new CustomerSearch(db, this.phones);
    this.reader = new CustomerReader(db);
    this.outboxStore = new OutboxStore(db, now);
    this.readCursor = db.prepare('SELECT cursor FROM sync_state WHERE stream = ?');
    this.writeCursor = db.prepare(`
      INSERT INTO sync_state (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
    this.customerExists = db.prepare('SELECT id FROM customers WHERE id = ?');
  }

  /**
   * Applies one pull batch and moves the cursor past it in a single transaction: after a crash
   * the cache holds either the whole batch and its cursor or neither, and the next pull resumes
   * from the stored cursor. A row this version cannot read rejects the whole batch.
   */
  applyBatch(rows: readonly unknown[], cursor: string): BatchOutcome {
    const nextCursor = parseInput(SyncCursor, cursor, 'sync cursor');
    const parsed = rows.map((row, i) => {
      const result = SyncRow.safeParse(row);
      if (!result.success) throw new InvalidSyncRowError(i, result.error);
      return result.data;
    });
    return this.db
      .transaction((): BatchOutcome => {
        const touched = new Set<string>();
        let applied = 0;
        for (const row of parsed) if (this.writer.apply(row, touched).changed) applied += 1;
        for (const customerId of touched) this.index.reindexCustomer(customerId);
        this.writeCursor.run(PULL_STREAM, nextCursor, this.now().toISOString());
        return { applied, stale: parsed.length - applied, customersTouched: [...touched] };
      })
      .immediate();
  }

  /** Where the next pull starts; null before the first batch (a full initial load). */
  cursor(): string | null {
    return this.readCursor.get(PULL_STREAM)?.cursor ?? null;
  }

  /** Caller ID → customers: exact E.164 first, then the trailing digits. */
  lookupByPhone(raw: string, limit = 10): PhoneMatch[] {
    return this.phones.lookup(raw, Math.max(1, Math.min(50, Math.trunc(limit) || 1)));
  }

  /** Search-as-you-type over names, emails, account numbers and notes. */
  search(text: string, limit = 20): CustomerHit[] {
    return this.finder.search(text, limit);
  }

  getCustomer(id: string): CustomerDetail | null {
    return this.reader.customerDetail(id);
  }

  orders(customerId: string, limit = 50): Order[] {
    return this.reader.ordersOf(customerId, limit);
  }

  history(customerId: string, limit = 100): InteractionView[] {
    return this.reader.historyOf(customerId, limit);
  }

  /**
   * Saves the agent's note and queues it for the server in one transaction: the note is never
   * on screen without being on its way, and never on its way without being on screen.
   */
  addNote(customerId: string, text: string, author: Author): InteractionView {
    const note = NoteInteraction.parse({
      id: this.newId(),
      kind: 'note',
      customerId: parseInput(EntityId, customerId, 'customer id'),
      occurredAt: this.now().toISOString(),
      author: parseInput(Author, author, 'author'),
      text: parseInput(NoteText, text, 'note'),
      // Version 0: written here, not yet confirmed; the pulled row from the server replaces it.
      version: 0,
    });
    this.db
      .transaction(() => {
        if (this.customerExists.get(note.customerId) === undefined) {
          throw new ContractFailure('NOT_FOUND', `no customer ${note.customerId} in the cache`);
        }
        const touched = new Set<string>();
        this.writer.writeInteraction(note, true, touched);
        this.outboxStore.enqueue(this.newId(), { kind: 'interaction.create', payload: note });
        for (const id of touched) this.index.reindexCustomer(id);
      })
      .immediate();
    return { ...note, pendingSync: true };
  }

  pendingOutbox(limit = 100): OutboxEntry[] {
    return this.outboxStore.pending(limit);
  }

  rejectedOutbox(limit = 100): OutboxEntry[] {
    return this.outboxStore.rejected(limit);
  }

  ackOutbox(ids: readonly string[]): number {
    return this.outboxStore.ack(ids);
  }

  rejectOutbox(id: string, reason: string): boolean {
    return this.outboxStore.reject(id, reason);
  }

  recordOutboxFailure(ids: readonly string[], error: string): number {
    return this.outboxStore.recordFailure(ids, error);
  }

  outboxCounts(): OutboxCounts {
    return this.outboxStore.counts();
  }

  /** Rebuilds the search index from the base tables (after a tokenizer or document change). */
  rebuildSearchIndex(): void {
    this.index.rebuildAll();
  }

  close(): void {
    if (!this.db.open) return;
    // Lets SQLite refresh its planner statistics for the next session, cheaply.
    this.db.pragma('optimize');
    this.db.close();
  }
}
