import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveClientFrame } from '../../../shared/api/presence';
import type { AgentStateChange } from '../../../shared/domain/agent-state';
import { idleLine, type LineSnapshot } from '../../../shared/phone/phone-protocol';
import { callReference } from '../../../shared/phone/call-reference';
import { PresenceReporter, type LiveChannel } from '../../../electron/services/presence/presence-reporter';
import type { LiveEvent } from '../../../electron/services/sync/sync-client';
import { liveCalls } from '../../../renderer/src/features/presence/live-calls';

const idle = idleLine(2);
const started = Date.parse('2026-12-02T09:00:00Z');
const held: LineSnapshot = { ...idle, id: 1, state: { name: 'held' }, callId: 'sip-1', direction: 'inbound', startedAt: started, answeredAt: started + 4_000 };

describe('live calls as presence reports them', () => {
  it('names the call by its SIP id and reference, with the linked customer, hold and the triggers fired', () => {
    const log = [
      { at: started + 10_000, event: 'queued' as const, promptId: 'p1', trigger: 'customer-level-rise' as const, situation: 'customer-upset' as const, via: null },
      { at: started + 11_000, event: 'shown' as const, promptId: 'p1', trigger: 'customer-level-rise' as const, situation: 'customer-upset' as const, via: null },
      { at: started + 20_000, event: 'shown' as const, promptId: 'p2', trigger: 'customer-upset' as const, situation: 'customer-upset' as const, via: 'hotkey' },
    ];
    const calls = liveCalls(
      { 1: held, 2: idle },
      { 1: { callId: 'sip-1', number: '+639171234567', status: 'known', customerId: 'cu-7', name: 'Ana Reyes', choices: [], linkedBy: 'caller-id' }, 2: null },
      { callId: 'sip-1', log },
    );
    expect(calls).toEqual([
      {
        callId: 'sip-1',
        reference: callReference('sip-1', started),
        line: 1,
        direction: 'inbound',
        customerId: 'cu-7',
        customerName: 'Ana Reyes',
        startedAt: '2026-12-02T09:00:00.000Z',
        answeredAt: '2026-12-02T09:00:04.000Z',
        onHold: true,
        triggers: [
          { trigger: 'customer-level-rise', at: '2026-12-02T09:00:10.000Z' },
          { trigger: 'customer-upset', at: '2026-12-02T09:00:20.000Z' },
        ],
        scripts: [],
      },
    ]);
  });

  it('has no call for idle lines, and no customer when the screen-pop is for another call', () => {
    expect(liveCalls({ 1: idle, 2: idle }, { 1: null, 2: null }, null)).toEqual([]);
    const [call] = liveCalls({ 1: held, 2: idle }, { 1: { callId: 'older', number: '1', status: 'unknown' }, 2: null }, null);
    expect(call).toMatchObject({ customerId: null, customerName: null, triggers: [] });
  });
});

const reportOf = (frame: LiveClientFrame | undefined) => (frame?.type === 'presence' ? frame.report : null);

describe('presence reporter', () => {
  let frames: LiveClientFrame[];
  let listener: ((event: LiveEvent) => void) | null;
  let up: boolean;
  const link: LiveChannel = {
    sendLive: (frame) => {
      if (up) frames.push(frame);
      return up;
    },
    onLive: (fn) => {
      listener = fn;
      return () => (listener = null);
    },
  };
  const state = (name: AgentStateChange['state']): AgentStateChange => ({ id: crypto.randomUUID(), state: name, reason: null, at: new Date().toISOString() });

  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    listener = null;
    up = true;
  });
  afterEach(() => vi.useRealTimers());

  it('sends each change at once, a heartbeat while signed in, everything again when the link is back, and offline last', () => {
    const reporter = new PresenceReporter(1_000);
    reporter.start(link);
    reporter.stateChanged(state('available'));
    expect(frames.at(-1)).toMatchObject({ type: 'presence', report: { state: 'available', calls: [] } });

    const [call] = liveCalls({ 1: held, 2: idle }, { 1: null, 2: null }, null);
    reporter.callsChanged([call!]);
    expect(reportOf(frames.at(-1))?.calls).toHaveLength(1);

    const before = frames.length;
    vi.advanceTimersByTime(3_000);
    expect(frames.length).toBe(before + 3);

    up = false;
    reporter.stateChanged(state('break'));
    up = true;
    listener?.('connected');
    expect(reportOf(frames.at(-1))?.state).toBe('break');

    reporter.stop(state('offline'));
    expect(reportOf(frames.at(-1))).toMatchObject({ state: 'offline', calls: [] });
    const stopped = frames.length;
    vi.advanceTimersByTime(5_000);
    expect(frames.length).toBe(stopped);
    expect(listener).toBeNull();
  });

  it('says the console is gone when its page stays closed, stays quiet until a page is back, and ignores a reload', () => {
    const reporter = new PresenceReporter(1_000, 2_000);
    reporter.start(link);
    reporter.stateChanged(state('available'));
    // A reload: the page reconnects within the grace period; nothing is said.
    reporter.pageOpen(false);
    vi.advanceTimersByTime(1_500);
    reporter.pageOpen(true);
    vi.advanceTimersByTime(2_000);
    expect(frames.some((frame) => frame.type === 'gone')).toBe(false);

    reporter.pageOpen(false);
    vi.advanceTimersByTime(2_000);
    expect(frames.at(-1)).toEqual({ type: 'gone' });
    const quiet = frames.length;
    vi.advanceTimersByTime(5_000);
    expect(frames.length).toBe(quiet);

    reporter.pageOpen(true);
    expect(reportOf(frames.at(-1))?.state).toBe('available');
  });
});
