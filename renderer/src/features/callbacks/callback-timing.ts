import type { CallbackDue } from '../../../../shared/domain/callback';

/** Within this long of its time a callback counts as due now (marked in the list, notified). */
export const DUE_SOON_MS = 15 * 60_000;

export type Timing = 'overdue' | 'due' | 'later';

export function timingOf(item: CallbackDue, now: number): Timing {
  const due = Date.parse(item.callback.dueAt);
  if (due < now - DUE_SOON_MS) return 'overdue';
  return due <= now + DUE_SOON_MS ? 'due' : 'later';
}

/** When the next of these callbacks that is still "later" turns due; null when none will. */
export function nextTurnsDueAt(items: readonly CallbackDue[], now: number): number | null {
  let next: number | null = null;
  for (const item of items) {
    const at = Date.parse(item.callback.dueAt) - DUE_SOON_MS;
    if (at > now && (next === null || at < next)) next = at;
  }
  return next;
}
