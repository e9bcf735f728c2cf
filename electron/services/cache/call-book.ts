import type { Database, Statement } from 'better-sqlite3';
import { ContractFailure } from '../../../shared/contract/core';
import { Author, CallbackInteraction, CallInteraction, type InteractionView } from '../../../shared/domain/interaction';
import type { AgentInteraction } from '../../../shared/domain/outbox';
import { EntityId } from '../../../shared/domain/row-version';
import { WrapUp, WrapUpInput, type WrapUpFields } from '../../../shared/domain/wrap-up';
import { callReference } from '../../../shared/phone/call-reference';
import { CallRecord, talkSeconds } from '../../../shared/phone/call-record';
import type { BatchWriter } from './batch-writer';
import { parseInput } from './cache-errors';
import type { OutboxStore } from './outbox-store';
import type { SearchIndex } from './search-index';

export interface RecordedCall {
  /** False when this call was already recorded (the console retried after a lost reply). */
  recorded: boolean;
  /** True when the call was answered: after-call work starts, and the wrap-up completes it. */
  needsWrapUp: boolean;
  /** What went on the customer's timeline now (a call nobody answered needs no wrap-up). */
  interaction: InteractionView | null;
}

export interface WrappedUpCall {
  call: CallRecord;
  /** The call and, with a follow-up, the callback, as they now stand on the customer's timeline. */
  interactions: InteractionView[];
}

const RECORD_COLUMNS = `call_id AS id, direction, number, remote_uri AS remoteUri, customer_id AS customerId, line,
  started_at AS startedAt, answered_at AS answeredAt, ended_at AS endedAt, end_cause AS endCause, transfers, reference`;

/**
 * The phone's records of ended calls and their wrap-ups. A record is kept in `call_records` and
 * queued for the server in one transaction. An answered call goes on the customer's timeline when
 * it is wrapped up, with the disposition and notes the agent gave; a call nobody answered goes on
 * at once. Every write here is queued in the same transaction that makes it.
 */
export class CallBook {
  private readonly insert: Statement<Record<string, unknown>>;
  private readonly customerExists: Statement<[string], { id: string }>;
  private readonly byId: Statement<[string], Record<string, unknown> & { wrapped_up_at: string | null }>;
  private readonly oldestAwaiting: Statement<[], Record<string, unknown>>;
  private readonly markWrapped: Statement<[string, string, string, string]>;
  private readonly setCustomer: Statement<[string, string]>;

  constructor(
    private readonly db: Database,
    private readonly writer: BatchWriter,
    private readonly outbox: OutboxStore,
    private readonly index: SearchIndex,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {
    this.insert = db.prepare(`
      INSERT INTO call_records (call_id, direction, number, remote_uri, customer_id, line, started_at,
                                answered_at, ended_at, end_cause, transfers, reference)
      VALUES (@id, @direction, @number, @remoteUri, @customerId, @line, @startedAt, @answeredAt, @endedAt,
              @endCause, @transfers, @reference)
      ON CONFLICT (call_id) DO NOTHING`);
    this.customerExists = db.prepare('SELECT id FROM customers WHERE id = ?');
    this.byId = db.prepare(`SELECT ${RECORD_COLUMNS}, wrapped_up_at FROM call_records WHERE call_id = ?`);
    this.oldestAwaiting = db.prepare(
      `SELECT ${RECORD_COLUMNS} FROM call_records WHERE wrapped_up_at IS NULL AND answered_at IS NOT NULL ORDER BY ended_at LIMIT 1`,
    );
    this.markWrapped = db.prepare('UPDATE call_records SET disposition = ?, wrap_up_notes = ?, wrapped_up_at = ? WHERE call_id = ?');
    this.setCustomer = db.prepare('UPDATE call_records SET customer_id = ? WHERE call_id = ?');
  }

  record(input: CallRecord, agent: Author): RecordedCall {
    const parsed = parseInput(CallRecord, input, 'call record');
    // The same number the line card showed: both derive it from the call's id and start.
    const call = { ...parsed, reference: parsed.reference ?? callReference(parsed.id, parsed.startedAt) };
    const author = parseInput(Author, agent, 'author');
    return this.db
      .transaction((): RecordedCall => {
        const { changes } = this.insert.run({ ...call, transfers: JSON.stringify(call.transfers) });
        if (changes === 0) return { recorded: false, needsWrapUp: false, interaction: null };
        this.outbox.enqueue(this.newId(), { kind: 'call.record', payload: call });
        if (call.answeredAt !== null) return { recorded: true, needsWrapUp: true, interaction: null };
        const interaction = this.putOnTimeline(call, author, { disposition: null, notes: '' });
        return { recorded: true, needsWrapUp: false, interaction };
      })
      .immediate();
  }

  /** The oldest answered call still waiting for its wrap-up, if any. */
  awaitingWrapUp(): CallRecord | null {
    const row = this.oldestAwaiting.get();
    return row ? toRecord(row) : null;
  }

  /**
   * Links an answered call still waiting for its wrap-up to the customer the agent says it was
   * with. Nothing is queued now: the wrap-up carries the customer to the server, and the call goes
   * on this customer's timeline with it. A call nobody answered is already on a timeline, and a
   * wrapped-up one went up with its customer, so neither can change any more.
   */
  link(callId: string, customerId: string): CallRecord {
    const id = parseInput(CallRecord.shape.id, callId, 'call id');
    const customer = parseInput(EntityId, customerId, 'customer id');
    return this.db
      .transaction((): CallRecord => {
        const row = this.byId.get(id);
        if (!row) throw new ContractFailure('NOT_FOUND', 'This call is not on record on this computer.');
        if (row.wrapped_up_at !== null) throw new ContractFailure('CONFLICT', 'This call was already wrapped up; its customer can no longer change.');
        if (row.answeredAt === null) throw new ContractFailure('CONFLICT', 'This call was not answered, so it has no wrap-up to link a customer to.');
        if (this.customerExists.get(customer) === undefined) throw new ContractFailure('NOT_FOUND', `no customer ${customer} in the cache`);
        this.setCustomer.run(customer, id);
        return toRecord({ ...row, customerId: customer });
      })
      .immediate();
  }

  wrapUp(input: WrapUpFields, agent: Author, automatic: boolean): WrappedUpCall {
    const parsed = parseInput(WrapUpInput, input, 'wrap-up');
    const author = parseInput(Author, agent, 'author');
    return this.db
      .transaction((): WrappedUpCall => {
        const row = this.byId.get(parsed.callId);
        if (!row) throw new ContractFailure('NOT_FOUND', 'This call is not on record on this computer.');
        if (row.wrapped_up_at !== null) throw new ContractFailure('CONFLICT', 'This call was already wrapped up.');
        const call = toRecord(row);
        // The customer as linked now, which may not be the one the record went up with.
        const wrapUp = WrapUp.parse({ ...parsed, wrappedUpAt: this.now().toISOString(), automatic, customerId: call.customerId });
        this.markWrapped.run(wrapUp.disposition, wrapUp.notes, wrapUp.wrappedUpAt, call.id);
        this.outbox.enqueue(this.newId(), { kind: 'call.wrapUp', payload: wrapUp });
        const interactions: InteractionView[] = [];
        const onTimeline = this.putOnTimeline(call, author, wrapUp);
        if (onTimeline) interactions.push(onTimeline);
        if (onTimeline && wrapUp.followUpAt !== null) interactions.push(this.scheduleCallback(call, author, wrapUp.followUpAt, wrapUp.notes));
        return { call, interactions };
      })
      .immediate();
  }

  /** This machine's calls, newest first. */
  recent(limit: number): CallRecord[] {
    const rows = this.db
      .prepare<[number], Record<string, unknown>>(`SELECT ${RECORD_COLUMNS} FROM call_records ORDER BY started_at DESC LIMIT ?`)
      .all(Math.max(1, Math.min(500, Math.trunc(limit) || 1)));
    return rows.map(toRecord);
  }

  /** The call as a `call` on its customer's timeline; null when the customer is not in the cache. */
  private putOnTimeline(
    call: CallRecord,
    author: Author,
    wrapUp: Pick<WrapUp, 'notes' | 'guidance'> & { disposition: string | null; abusive?: boolean },
  ): InteractionView | null {
    // A customer the cache does not hold (deleted meanwhile) keeps the record, not the timeline entry.
    if (call.customerId === null || this.customerExists.get(call.customerId) === undefined) return null;
    const interaction = CallInteraction.parse({
      id: this.newId(),
      kind: 'call',
      customerId: call.customerId,
      occurredAt: call.startedAt,
      author,
      direction: call.direction,
      durationSec: Math.min(talkSeconds(call), 86_400),
      disposition: wrapUp.disposition,
      text: wrapUp.notes,
      // The coaching record travels with the entry, so every console showing the call shows it.
      ...(wrapUp.guidance ? { guidance: wrapUp.guidance } : {}),
      ...(wrapUp.abusive ? { abusive: true } : {}),
      // Version 0: written here, not yet confirmed; the pulled row from the server replaces it.
      version: 0,
    });
    return this.write(interaction);
  }

  private scheduleCallback(call: CallRecord, author: Author, dueAt: string, notes: string): InteractionView {
    const callback = CallbackInteraction.parse({
      id: this.newId(),
      kind: 'callback',
      customerId: call.customerId,
      occurredAt: call.endedAt,
      author,
      dueAt,
      phone: call.number.startsWith('+') ? call.number : null,
      text: notes,
      version: 0,
    });
    return this.write(callback);
  }

  private write(interaction: AgentInteraction): InteractionView {
    const touched = new Set<string>();
    this.writer.writeInteraction(interaction, true, touched);
    this.outbox.enqueue(this.newId(), { kind: 'interaction.create', payload: interaction });
    for (const id of touched) this.index.reindexCustomer(id);
    return { ...interaction, pendingSync: true };
  }
}

function toRecord(row: Record<string, unknown>): CallRecord {
  const { wrapped_up_at: _wrapped, reference, ...fields } = row;
  return CallRecord.parse({ ...fields, transfers: JSON.parse(String(fields.transfers)), ...(reference ? { reference } : {}) });
}
