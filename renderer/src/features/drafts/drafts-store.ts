import { create } from 'zustand';
import type { DraftKey } from '../../../../shared/domain/draft';
import { callHost } from '../../host-call';

/** How long typing may pause before the text is written down: often enough to lose nothing. */
export const DRAFT_SAVE_DELAY_MS = 400;

const timers = new Map<string, { timer: ReturnType<typeof setTimeout>; settle: (kept: boolean) => void }>();

function cancel(key: string): void {
  const waiting = timers.get(key);
  if (!waiting) return;
  clearTimeout(waiting.timer);
  waiting.settle(false);
  timers.delete(key);
}

/**
 * Unsaved text (a note, wrap-up notes), written to the person's cache as they type, so a crash,
 * a reload or a closed window gives it back. Forms load their draft when they open and clear it
 * once what it held is saved.
 */
export interface DraftsState {
  load(key: DraftKey): Promise<string | null>;
  /** Keeps the text after a short pause in typing; resolves true once it is written down. */
  keep(key: DraftKey, text: string): Promise<boolean>;
  clear(key: DraftKey): Promise<void>;
}

export const useDraftsStore = create<DraftsState>()(() => ({
  async load(key) {
    const result = await callHost('drafts.get', { key });
    return result.ok ? result.value : null;
  },

  keep(key, text) {
    cancel(key);
    return new Promise<boolean>((settle) => {
      const timer = setTimeout(() => {
        timers.delete(key);
        void callHost('drafts.save', { key, text }).then((result) => settle(result.ok));
      }, DRAFT_SAVE_DELAY_MS);
      timers.set(key, { timer, settle });
    });
  },

  async clear(key) {
    cancel(key);
    await callHost('drafts.save', { key, text: '' });
  },
}));
