import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { ContractFailure } from '../../../shared/contract/core';
import type { CustomerDetail, CustomerHit, PhoneMatch } from '../../../shared/domain/customer';
import { Author, NoteInteraction, NoteText, type InteractionKind, type InteractionView } from '../../../shared/domain/interaction';
import type { Order } from '../../../shared/domain/order';
import type { OutboxCounts, OutboxEntry } from '../../../shared/domain/outbox';
import { PhoneRegion } from '../../../shared/domain/phone';
import { EntityId } from '../../../shared/domain/row-version';
import { SyncCursor, SyncRow } from '../../../shared/domain/sync-row';
import type { CallRecord } from '../../../shared/phone/call-record';
import type { WrapUpFields } from '../../../shared/domain/wrap-up';
import type { MonitoringEvent } from '../../../shared/monitoring/monitoring-event';
import { AgentStateLog } from './agent-state-log';
import { BatchWriter, LoadGroup } from './batch-writer';
import { DispositionBook } from './disposition-book';
import { DraftStore } from './draft-store';
import { CallbackBook } from './callback-book';
import { CallBook, type RecordedCall, type WrappedUpCall } from './call-book';
import { CaseBook } from './case-book';
import { EscalationBook } from './escalation-book';
import { InvalidSyncRowError, parseInput } from './cache-errors';
import { CustomerEditor } from './customer-editor';
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
  /**
   * The connection runs the first load (the pull worker's own): see `tuneForInitialLoad`.
   * The console's connection, which writes the agent's notes and the outbox, never sets this.
   */
  initialLoad?: boolean;
}

/**
 * SQLite's page cache for a connection that loads a million customers: the random-keyed indexes
 * (UUID ids, customer ids) must stay in memory or every insert becomes a disk read. The benchmark's
 * raw-insert baseline uses the same figure. It is a ceiling, allocated as pages are touched, and the
 * worker that holds it ends when the first load is done.
 */
export const INITIAL_LOAD_CACHE_MIB = 1_024;
/**
 * WAL pages between automatic checkpoints during a first load (SQLite's default is 1,000). A
 * group's commit writes tens of MB of pages (random keys dirty a page per row and index), and a
 * checkpoint copies each page once however many commits rewrote it: 256 MB between checkpoints
 * took a third off the commits' time at 100,000 customers against 64 MB (tests/bench/apply-cost.ts).
 */
const INITIAL_LOAD_CHECKPOINT_PAGES = 65_536;

/**
 * The first load writes only rows the server already holds, each batch with its cursor. With
 * `synchronous = NORMAL` (WAL) a power cut may roll the last few batches back, but never split a
 * batch from its cursor, so the next pull fetches them again: nothing is lost, and each commit
 * skips an fsync. The agent's own writes keep FULL on the console's connection.
 */
function tuneForInitialLoad(db: Database.Database): void {
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = ${-INITIAL_LOAD_CACHE_MIB * 1024}`);
  db.pragma(`wal_autocheckpoint = ${INITIAL_LOAD_CHECKPOINT_PAGES}`);
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

/**
 * Electron's main process cannot load node_modules' better-sqlite3 (built for Node's ABI); the
 * launcher builds a copy for Electron and names it in KALMA_SQLITE_BINDING. Read here rather than
 * passed down so the pull worker thread, which inherits the environment, opens the same build.
 */
function nativeBindingOption(): Database.Options {
  const binding = process.env.KALMA_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

export function openCache(file: string, options: CacheOptions): CustomerCache {
  const region = parseInput(PhoneRegion, options.region, 'phone region');
  const db = new Database(file, nativeBindingOption());
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a note the agent saved survives a power cut (the outbox is the only copy until sent).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
    migrate(db, MIGRATIONS);
    if (options.initialLoad) tuneForInitialLoad(db);
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
  private readonly calls: CallBook;
  readonly cases: CaseBook;
  /** Escalations the agent raises and the decisions a supervisor takes here, each queued with its row. */
  readonly escalations: EscalationBook;
  /** The agent's state log (available, break, lunch …). */
  readonly agentStates: AgentStateLog;
  /** The server's disposition codes, as last fetched. */
  readonly dispositions: DispositionBook;
  /** Unsaved notes and wrap-ups, kept as the agent types. */
  readonly drafts: DraftStore;
  /** The callbacks the signed-in agent owes. */
  readonly callbacks: CallbackBook;
  /** Customers the agent creates and profile edits, each queued with its row. */
  readonly editor: CustomerEditor;
  private readonly readCursor: Database.Statement<[string], { cursor: string }>;
  private readonly writeCursor: Database.Statement<[string, string, string]>;
  private readonly customerExists: Database.Statement<[string], { id: string }>;
  private readonly readCaughtUp: Database.Statement<[string], { at: string }>;
  private readonly countRows: Database.Statement<[], { n: number }>;
  private readonly group: LoadGroup;
  private readonly writeCaughtUp: Database.Statement<[string, string]>;

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
    this.calls = new CallBook(db, this.writer, this.outboxStore, this.index, now, newId);
    this.cases = new CaseBook(db, this.writer, this.outboxStore, this.index, now, newId);
    this.escalations = new EscalationBook(db, this.writer, this.outboxStore, this.index, now, newId);
    this.agentStates = new AgentStateLog(db, this.outboxStore, now, newId);
    this.dispositions = new DispositionBook(db, now);
    this.drafts = new DraftStore(db, now);
    this.callbacks = new CallbackBook(db, this.outboxStore, now, newId);
    this.editor = new CustomerEditor(db, this.writer, this.outboxStore, this.index, this.reader, region, now, newId);
    this.readCursor = db.prepare('SELECT cursor FROM sync_state WHERE stream = ?');
    this.writeCursor = db.prepare(`
      INSERT INTO sync_state (stream, cursor, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`);
    this.customerExists = db.prepare('SELECT id FROM customers WHERE id = ?');
    this.readCaughtUp = db.prepare('SELECT caught_up_at AS at FROM sync_progress WHERE stream = ?');
    this.countRows = db.prepare(
      'SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders) + (SELECT count(*) FROM interactions) AS n',
    );
    this.writeCaughtUp = db.prepare(`
      INSERT INTO sync_progress (stream, caught_up_at) VALUES (?, ?)
      ON CONFLICT (stream) DO UPDATE SET caught_up_at = excluded.caught_up_at`);
    this.group = new LoadGroup(db, this.writer, this.index, (cursor) => this.writeCursor.run(PULL_STREAM, cursor, this.now().toISOString()));
  }

  /**
   * Applies one pull batch and moves the cursor past it in a single transaction: after a crash
   * the cache holds either the whole batch and its cursor or neither, and the next pull resumes
   * from the stored cursor. A row this version cannot read rejects the whole batch.
   */
  applyBatch(rows: readonly unknown[], cursor: string): BatchOutcome {
    const nextCursor = parseInput(SyncCursor, cursor, 'sync cursor');
    return this.applyParsed(this.parseRows(rows), nextCursor);
  }

  /**
   * Checks pull rows without writing anything (InvalidSyncRowError names the first bad one).
   * With applyParsed, lets a caller on a busy thread validate and write a big batch in slices.
   */
  parseRows(rows: readonly unknown[], firstIndex = 0): SyncRow[] {
    return rows.map((row, i) => {
      const result = SyncRow.safeParse(row);
      if (!result.success) throw new InvalidSyncRowError(firstIndex + i, result.error);
      return result.data;
    });
  }

  /**
   * Writes parsed rows in one transaction, and the cursor with them when given. Rows written
   * without a cursor are re-sent after a crash and re-applied harmlessly (same version).
   */
  applyParsed(rows: readonly SyncRow[], cursor: string | null): BatchOutcome {
    const nextCursor = cursor === null ? null : parseInput(SyncCursor, cursor, 'sync cursor');
    return this.db
      .transaction((): BatchOutcome => {
        const touched = new Set<string>();
        let applied = 0;
        for (const row of rows) if (this.writer.apply(row, touched).changed) applied += 1;
        for (const customerId of touched) this.index.reindexCustomer(customerId);
        if (nextCursor !== null) this.writeCursor.run(PULL_STREAM, nextCursor, this.now().toISOString());
        return { applied, stale: rows.length - applied, customersTouched: [...touched] };
      })
      .immediate();
  }

  /**
   * Opens a transaction that the following `applyToGroup` calls join (or `applyBatch` calls, each
   * as a savepoint of its own), until `commitGroup`: a first load commits several batches, each
   * with its cursor, at once (sync/pull-batch-group.ts, batch-writer.ts LoadGroup).
   */
  beginGroup(): void {
    this.group.begin();
  }

  /**
   * Writes checked rows and their cursor into the open group; search documents are written at
   * `commitGroup`. A write that fails rolls the whole group back, cursors included, and throws.
   */
  applyToGroup(rows: readonly SyncRow[], cursor: string): BatchOutcome {
    const { applied, customersTouched } = this.group.write(rows, parseInput(SyncCursor, cursor, 'sync cursor'));
    return { applied, stale: rows.length - applied, customersTouched };
  }

  commitGroup(): void {
    this.group.commit();
  }

  rollbackGroup(): void {
    this.group.rollback();
  }

  /** Where the next pull starts; null before the first batch (a full initial load). */
  cursor(): string | null {
    return this.readCursor.get(PULL_STREAM)?.cursor ?? null;
  }

  /**
   * Records that a pull reached the end of the server's feed. Until the first time, the cache is
   * still in its initial load (the console says so); afterwards this is "last synced".
   */
  markCaughtUp(): string {
    const at = this.now().toISOString();
    this.writeCaughtUp.run(PULL_STREAM, at);
    return at;
  }

  /** When a pull last reached the end of the feed; null while the first load is unfinished. */
  caughtUpAt(): string | null {
    return this.readCaughtUp.get(PULL_STREAM)?.at ?? null;
  }

  /** Customers, orders and interactions held: how far a resumed first load had come. */
  rowCount(): number {
    return this.countRows.get()?.n ?? 0;
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

  /** A page of history, newest first, strictly older than `before` (the last row of the page shown). */
  historyPage(
    customerId: string,
    before: { occurredAt: string; id: string } | null,
    limit = 50,
    kinds: readonly InteractionKind[] | null = null,
  ): InteractionView[] {
    return this.reader.historyPage(customerId, before, Math.max(1, Math.min(500, Math.trunc(limit) || 1)), kinds);
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

  /** A monitoring leg's audit event, queued for the server; nothing of it is shown from the cache. */
  queueMonitoringEvent(event: MonitoringEvent): void {
    this.outboxStore.enqueue(this.newId(), { kind: 'monitoring.event', payload: event });
  }

  /** Keeps an ended call's record and queues it, with its timeline entry when the customer is known. */
  recordCall(record: CallRecord, agent: Author): RecordedCall {
    return this.calls.record(record, agent);
  }

  /** Saves a call's wrap-up (and its timeline entry, and a callback for a follow-up), queued together. */
  wrapUpCall(input: WrapUpFields, agent: Author, automatic = false): WrappedUpCall {
    return this.calls.wrapUp(input, agent, automatic);
  }

  /** Links a call waiting for its wrap-up to the customer the agent says it was with. */
  linkCall(callId: string, customerId: string): CallRecord {
    return this.calls.link(callId, customerId);
  }

  /** The oldest answered call still waiting for its wrap-up. */
  callAwaitingWrapUp(): CallRecord | null {
    return this.calls.awaitingWrapUp();
  }

  recentCalls(limit = 50): CallRecord[] {
    return this.calls.recent(limit);
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

  /**
   * Hands this connection's unused page cache back (after a first load), and first copies the
   * load's write-ahead log (up to INITIAL_LOAD_CHECKPOINT_PAGES) into the file here, on the pull
   * worker: otherwise the console's next write would, on the main thread (about a second).
   */
  releaseMemory(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
    this.db.pragma('shrink_memory');
  }

  close(): void {
    if (!this.db.open) return;
    // Lets SQLite refresh its planner statistics for the next session, cheaply.
    this.db.pragma('optimize');
    this.db.close();
  }
}
