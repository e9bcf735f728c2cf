import { describe, expect, it, vi } from 'vitest';
import { IDLE, type LineState } from '../../../shared/phone/line-state';
import type { LineSnapshot } from '../../../shared/phone/phone-protocol';
import { callInProgress, runShortcut, shortcutOf } from '../../../renderer/src/features/phone/phone-shortcuts';
import { phoneInitialState, type PhoneState } from '../../../renderer/src/features/phone/phone-store';

const key = (code: string, mods: Partial<KeyboardEvent> = {}) => ({ altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, code, ...mods });

function phoneWith(one: LineState, two: LineState = IDLE) {
  const line = (id: 1 | 2, state: LineState): LineSnapshot => ({ ...phoneInitialState.lines[id], state });
  const actions = {
    answer: vi.fn(),
    reject: vi.fn(),
    hangup: vi.fn(),
    toggleHold: vi.fn(),
    toggleMute: vi.fn(),
    togglePanel: vi.fn(),
    swap: vi.fn(),
  };
  return { phone: { ...phoneInitialState, lines: { 1: line(1, one), 2: line(2, two) }, ...actions } as unknown as PhoneState, actions };
}

describe('phone shortcuts', () => {
  it('are Alt + a letter, and nothing else triggers them', () => {
    expect(shortcutOf(key('KeyA'))).toBe('answer');
    expect(shortcutOf(key('KeyH'))).toBe('hangup');
    expect(shortcutOf(key('KeyA', { altKey: false }))).toBeNull();
    expect(shortcutOf(key('KeyA', { ctrlKey: true }))).toBeNull();
    expect(shortcutOf(key('KeyQ'))).toBeNull();
    expect(shortcutOf(key('Digit1'))).toBeNull();
  });

  it('answer the ringing line, even while another call is on hold', () => {
    const { phone, actions } = phoneWith({ name: 'held' }, { name: 'ringing-in' });
    expect(runShortcut('answer', phone, () => {})).toBe(true);
    expect(actions.answer).toHaveBeenCalledWith(2);
  });

  it('hang up the call being talked on rather than the one on hold', () => {
    const { phone, actions } = phoneWith({ name: 'held' }, { name: 'active' });
    runShortcut('hangup', phone, () => {});
    expect(actions.hangup).toHaveBeenCalledWith(2);
  });

  it('do nothing (and say so) when there is nothing to act on', () => {
    const { phone, actions } = phoneWith(IDLE);
    for (const id of ['answer', 'reject', 'hangup', 'hold', 'mute', 'keypad', 'transfer', 'swap'] as const) expect(runShortcut(id, phone, () => {})).toBe(false);
    expect(Object.values(actions).every((action) => action.mock.calls.length === 0)).toBe(true);
  });

  it('focus the dial box', () => {
    const focus = vi.fn();
    expect(runShortcut('dial', phoneWith(IDLE).phone, focus)).toBe(true);
    expect(focus).toHaveBeenCalled();
  });

  it('count a call in progress for the leave-page prompt, but not an ended one', () => {
    expect(callInProgress(phoneWith({ name: 'ringing-in' }).phone.lines)).toBe(true);
    expect(callInProgress(phoneWith({ name: 'ended', cause: 'busy' }).phone.lines)).toBe(false);
  });
});
