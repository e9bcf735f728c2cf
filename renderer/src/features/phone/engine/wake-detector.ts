export type WakeReason = 'online' | 'visible' | 'clock-jump';

export interface WakeDetectorOptions {
  /** How often the timer ticks. */
  tickMs?: number;
  /** A tick this much later than expected means the machine slept (timers do not run asleep). */
  jumpMs?: number;
  /** A window hidden at least this long is treated like a wake when it shows again. */
  hiddenMs?: number;
  now?: () => number;
}

/**
 * Notices the moments a browser softphone usually dies silently: the laptop wakes from sleep
 * (a timer fires far later than it should), the network comes back (`online`), or the console
 * shows again after hours in the background. The engine re-registers at once on each, instead of
 * waiting for a registration refresh that may be minutes away while calls go unanswered.
 */
export function watchForWake(onWake: (reason: WakeReason) => void, options: WakeDetectorOptions = {}): () => void {
  const tickMs = options.tickMs ?? 5_000;
  const jumpMs = options.jumpMs ?? 20_000;
  const hiddenMs = options.hiddenMs ?? 60_000;
  const now = options.now ?? (() => Date.now());

  let last = now();
  const timer = setInterval(() => {
    const current = now();
    if (current - last > tickMs + jumpMs) onWake('clock-jump');
    last = current;
  }, tickMs);

  let hiddenSince: number | null = document.visibilityState === 'hidden' ? now() : null;
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      hiddenSince = now();
      return;
    }
    if (hiddenSince !== null && now() - hiddenSince >= hiddenMs) onWake('visible');
    hiddenSince = null;
  };
  const onOnline = () => onWake('online');

  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', onOnline);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', onOnline);
  };
}
