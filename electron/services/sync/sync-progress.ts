import type { InitialLoad } from '../../../shared/contract/sync';

/**
 * The first load's progress bar. "Initial" lasts until a pull has once reached the end of the
 * server's feed (the cache remembers that), so a load cut short by a crash or a sign-out is still
 * the initial load when it resumes, and the bar starts from the rows the cache already holds
 * instead of from zero.
 */

interface CacheFacts {
  caughtUpAt(): string | null;
  rowCount(): number;
}

export class SyncProgress {
  private appliedRows = 0;
  private remainingRows = 0;
  private counted = false;

  constructor(private readonly cache: CacheFacts) {}

  /** A pull is about to start. */
  begin(): void {
    if (this.counted || !this.active()) return;
    this.counted = true;
    this.appliedRows = this.cache.rowCount();
  }

  /** The server's estimate of what is left after the cursor. */
  started(remaining: number): void {
    this.remainingRows = remaining;
  }

  applied(rows: number): void {
    this.appliedRows += rows;
    this.remainingRows = Math.max(0, this.remainingRows - rows);
  }

  caughtUp(): void {
    this.remainingRows = 0;
  }

  snapshot(): InitialLoad {
    if (!this.active()) return { active: false, applied: 0, remaining: 0, percent: 100 };
    const total = this.appliedRows + this.remainingRows;
    // Never 100 before the end: the last percent is the feed's end frame, not the last batch.
    const percent = total === 0 ? 0 : Math.min(99, Math.floor((this.appliedRows / total) * 100));
    return { active: true, applied: this.appliedRows, remaining: this.remainingRows, percent };
  }

  private active(): boolean {
    return this.cache.caughtUpAt() === null;
  }
}
