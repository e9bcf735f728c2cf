import { hasCall, type LineStateName } from '../../../../shared/phone/line-state';
import { LINE_IDS, type LineId, type LineSnapshot } from '../../../../shared/phone/phone-protocol';
import type { PhoneState } from './phone-store';

/**
 * One key per phone control, always with Alt so typing a customer's name never hangs up a call.
 * Matched on the physical key (`event.code`), so they sit in the same place on every layout and
 * macOS's Option characters do not get in the way.
 */
export const PHONE_SHORTCUTS = [
  { id: 'answer', key: 'A' },
  { id: 'reject', key: 'X' },
  { id: 'hangup', key: 'H' },
  { id: 'hold', key: 'P' },
  { id: 'mute', key: 'M' },
  { id: 'keypad', key: 'K' },
  { id: 'transfer', key: 'T' },
  { id: 'swap', key: 'S' },
  { id: 'dial', key: 'D' },
] as const;

export type ShortcutId = (typeof PHONE_SHORTCUTS)[number]['id'];

/** Which shortcut a key press is, or null. */
export function shortcutOf(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): ShortcutId | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const key = /^Key([A-Z])$/.exec(event.code)?.[1];
  return PHONE_SHORTCUTS.find((shortcut) => shortcut.key === key)?.id ?? null;
}

const firstIn = (lines: Record<LineId, LineSnapshot>, states: LineStateName[]): LineId | null => {
  for (const state of states) {
    const id = LINE_IDS.find((line) => lines[line].state.name === state);
    if (id !== undefined) return id;
  }
  return null;
};

/** Runs a shortcut against the line it obviously means: the ringing one, else the one being talked on. */
export function runShortcut(id: ShortcutId, phone: PhoneState, focusDial: () => void): boolean {
  const { lines } = phone;
  const ringing = firstIn(lines, ['ringing-in']);
  const current = firstIn(lines, ['active', 'dialing', 'early-media', 'transferring', 'held']);
  const talking = firstIn(lines, ['active']);
  switch (id) {
    case 'answer':
      if (ringing === null) return false;
      phone.answer(ringing);
      return true;
    case 'reject':
      if (ringing === null) return false;
      phone.reject(ringing);
      return true;
    case 'hangup':
      if (current === null) return false;
      phone.hangup(current);
      return true;
    case 'hold': {
      const line = firstIn(lines, ['active', 'held']);
      if (line === null) return false;
      phone.toggleHold(line);
      return true;
    }
    case 'mute':
      if (talking === null) return false;
      phone.toggleMute(talking);
      return true;
    case 'keypad':
      if (talking === null) return false;
      phone.togglePanel(talking, 'keypad');
      return true;
    case 'transfer': {
      const line = firstIn(lines, ['active', 'held']);
      if (line === null) return false;
      phone.togglePanel(line, 'transfer');
      return true;
    }
    case 'swap':
      if (!LINE_IDS.some((line) => lines[line].state.name === 'held')) return false;
      phone.swap();
      return true;
    case 'dial':
      focusDial();
      return true;
  }
}

/** True while any line has a call: leaving the page now would drop it. */
export const callInProgress = (lines: Record<LineId, LineSnapshot>): boolean => LINE_IDS.some((line) => hasCall(lines[line].state));
