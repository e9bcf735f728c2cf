// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForWake } from '../../../renderer/src/features/phone/engine/wake-detector';

afterEach(() => vi.useRealTimers());

describe('noticing that the phone may have died silently', () => {
  it('reports a sleep: a timer that fires far later than it should', () => {
    vi.useFakeTimers();
    let now = 0;
    const woke = vi.fn();
    const stop = watchForWake(woke, { tickMs: 5_000, jumpMs: 20_000, now: () => now });
    now += 5_000;
    vi.advanceTimersByTime(5_000);
    expect(woke).not.toHaveBeenCalled();
    now += 3_600_000; // the laptop slept for an hour; the timer fires once on wake
    vi.advanceTimersByTime(5_000);
    expect(woke).toHaveBeenCalledWith('clock-jump');
    stop();
  });

  it('reports the network coming back, and a window shown again after a long time hidden', () => {
    let now = 0;
    const woke = vi.fn();
    const stop = watchForWake(woke, { hiddenMs: 60_000, now: () => now });
    window.dispatchEvent(new Event('online'));
    expect(woke).toHaveBeenLastCalledWith('online');

    const visibility = vi.spyOn(document, 'visibilityState', 'get');
    visibility.mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    now += 10_000;
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(woke).toHaveBeenCalledTimes(1);

    visibility.mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    now += 2 * 3_600_000;
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(woke).toHaveBeenLastCalledWith('visible');
    stop();
    window.dispatchEvent(new Event('online'));
    expect(woke).toHaveBeenCalledTimes(2);
  });
});
