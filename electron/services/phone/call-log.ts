import { talkSeconds, type CallRecord } from '../../../shared/phone/call-record';
import type { HostLogger } from '../host-log';

/** How many records are kept in memory until the data layer takes them over. */
const MAX_RECORDS = 500;

/**
 * The host log's line for each ended call, and the last few hundred records in memory for support.
 * The record that counts is kept in the signed-in person's cache and synced (cache/call-book.ts);
 * this log line carries no phone number, since the log leaves the machine in support bundles.
 * A record reported twice (a retry after a lost reply) is kept once.
 */
export class CallLog {
  private readonly records = new Map<string, CallRecord>();

  constructor(private readonly log: HostLogger) {}

  add(record: CallRecord): void {
    if (this.records.has(record.id)) return;
    this.records.set(record.id, record);
    if (this.records.size > MAX_RECORDS) {
      const oldest = this.records.keys().next().value;
      if (oldest !== undefined) this.records.delete(oldest);
    }
    this.log.info(
      { direction: record.direction, line: record.line, endCause: record.endCause, talkSeconds: talkSeconds(record), transfers: record.transfers.length },
      'call ended',
    );
  }

  /** Newest last. */
  list(): CallRecord[] {
    return [...this.records.values()];
  }
}
