import { describe, expect, it } from 'vitest';
import { hasCall, IDLE, isFree, transition, type LineEvent, type LineState } from '../../../shared/phone/line-state';

/** Runs events from idle; fails the test at the first refused one. */
function run(...events: LineEvent[]): LineState {
  let state: LineState = IDLE;
  for (const event of events) {
    const next = transition(state, event);
    if (!next.ok) throw new Error(next.reason);
    state = next.state;
  }
  return state;
}

const refused = (state: LineState, event: LineEvent) => transition(state, event).ok === false;

describe('a line, as the agent lives it', () => {
  it('rings, is answered, held, resumed and hung up', () => {
    expect(run({ type: 'incoming' })).toEqual({ name: 'ringing-in' });
    expect(run({ type: 'incoming' }, { type: 'answered' })).toEqual({ name: 'active' });
    expect(run({ type: 'incoming' }, { type: 'answered' }, { type: 'hold' })).toEqual({ name: 'held' });
    expect(run({ type: 'incoming' }, { type: 'answered' }, { type: 'hold' }, { type: 'resume' }, { type: 'end', cause: 'hangup-remote' })).toEqual({
      name: 'ended',
      cause: 'hangup-remote',
    });
  });

  it('dials, hears early media, gets answered', () => {
    expect(run({ type: 'dial' }, { type: 'early-media' }, { type: 'early-media' }, { type: 'answered' })).toEqual({ name: 'active' });
  });

  it('goes back to where it was when a transfer fails, and ends when one succeeds', () => {
    const heldTransfer = run({ type: 'dial' }, { type: 'answered' }, { type: 'hold' }, { type: 'transfer-start', kind: 'attended' });
    expect(heldTransfer).toEqual({ name: 'transferring', kind: 'attended', from: 'held' });
    expect(transition(heldTransfer, { type: 'transfer-failed' })).toEqual({ ok: true, state: { name: 'held' } });
    expect(transition(heldTransfer, { type: 'end', cause: 'transferred' })).toEqual({ ok: true, state: { name: 'ended', cause: 'transferred' } });
  });

  it('becomes active on the new call when the other end moves it (REFER received), but not in an agent-made transfer', () => {
    const referred = run({ type: 'incoming' }, { type: 'answered' }, { type: 'transfer-start', kind: 'referred' });
    expect(transition(referred, { type: 'answered' })).toEqual({ ok: true, state: { name: 'active' } });
    const blind = run({ type: 'incoming' }, { type: 'answered' }, { type: 'transfer-start', kind: 'blind' });
    expect(refused(blind, { type: 'answered' })).toBe(true);
  });

  it('is free again after an ended call, directly or after clearing', () => {
    const ended = run({ type: 'incoming' }, { type: 'end', cause: 'missed' });
    expect(isFree(ended)).toBe(true);
    expect(transition(ended, { type: 'incoming' })).toEqual({ ok: true, state: { name: 'ringing-in' } });
    expect(transition(ended, { type: 'clear' })).toEqual({ ok: true, state: IDLE });
  });
});

describe('illegal transitions are refused, naming the state and the event', () => {
  const cases: [string, LineEvent[], LineEvent][] = [
    ['hold before answering', [{ type: 'incoming' }], { type: 'hold' }],
    ['hold on an idle line', [], { type: 'hold' }],
    ['answer an idle line', [], { type: 'answered' }],
    ['a second call on a busy line', [{ type: 'incoming' }, { type: 'answered' }], { type: 'incoming' }],
    ['dial on a ringing line', [{ type: 'incoming' }], { type: 'dial' }],
    ['resume an active call', [{ type: 'dial' }, { type: 'answered' }], { type: 'resume' }],
    ['early media on an incoming call', [{ type: 'incoming' }], { type: 'early-media' }],
    ['transfer a call still ringing', [{ type: 'incoming' }], { type: 'transfer-start', kind: 'blind' }],
    ['a transfer failing with no transfer', [{ type: 'dial' }, { type: 'answered' }], { type: 'transfer-failed' }],
    ['ending a line with no call', [], { type: 'end', cause: 'failed' }],
    ['ending an ended call again', [{ type: 'dial' }, { type: 'end', cause: 'busy' }], { type: 'end', cause: 'failed' }],
    ['clearing a line mid-call', [{ type: 'dial' }, { type: 'answered' }], { type: 'clear' }],
    ['an ended call coming back', [{ type: 'dial' }, { type: 'answered' }, { type: 'end', cause: 'hangup-local' }], { type: 'answered' }],
  ];
  it.each(cases)('%s', (_, before, event) => {
    const state = run(...before);
    const result = transition(state, event);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(`a line that is ${state.name} cannot take "${event.type}"`);
  });

  it('never produces a state that has a call from a refused event (exhaustive over reachable states)', () => {
    const events: LineEvent[] = [
      { type: 'incoming' },
      { type: 'dial' },
      { type: 'early-media' },
      { type: 'answered' },
      { type: 'hold' },
      { type: 'resume' },
      { type: 'transfer-start', kind: 'blind' },
      { type: 'transfer-start', kind: 'referred' },
      { type: 'transfer-failed' },
      { type: 'end', cause: 'failed' },
      { type: 'clear' },
    ];
    const seen = new Map<string, LineState>([[JSON.stringify(IDLE), IDLE]]);
    const queue: LineState[] = [IDLE];
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const event of events) {
        const next = transition(state, event);
        if (!next.ok) continue;
        // Only "clear" may leave a call's end, and nothing but "end" leads into ended.
        if (next.state.name === 'ended') expect(event.type).toBe('end');
        if (state.name === 'ended' && next.state.name !== 'ringing-in' && next.state.name !== 'dialing') expect(next.state).toEqual(IDLE);
        if (hasCall(state) && !hasCall(next.state)) expect(event.type).toBe('end');
        const key = JSON.stringify(next.state);
        if (!seen.has(key)) {
          seen.set(key, next.state);
          queue.push(next.state);
        }
      }
    }
    expect([...new Set([...seen.values()].map((s) => s.name))].sort()).toEqual(
      ['active', 'dialing', 'early-media', 'ended', 'held', 'idle', 'ringing-in', 'transferring'].sort(),
    );
  });
});
