import { z } from 'zod';

/**
 * One phone line as an explicit state machine. The engine applies every SIP happening to a line
 * through `transition`, so a line can only be where the rules allow: a call cannot be "held"
 * before it was answered, an ended call cannot become active again. The UI renders the state and
 * the tests assert on it.
 *
 *   idle ──incoming──▶ ringing-in ──answered──▶ active ◀──resume── held
 *   idle ──dial──▶ dialing ──early-media──▶ early-media ──answered──▶ active ──hold──▶ held
 *   active|held ──transfer-start──▶ transferring ──transfer-failed──▶ (back where it was)
 *   transferring ──answered──▶ active          (the other end moved us to a new call)
 *   any call ──end(cause)──▶ ended(cause) ──clear──▶ idle
 */

/** Why a call ended, in terms the line card explains to the agent. */
export const EndCause = z.enum([
  /** This agent hung up. */
  'hangup-local',
  /** The other side hung up. */
  'hangup-remote',
  /** This agent declined a ringing call. */
  'rejected',
  /** The caller gave up before it was answered. */
  'missed',
  /** This agent cancelled a call before it was answered. */
  'cancelled',
  /** The called party declined or is busy. */
  'busy',
  /** Nobody answered in time. */
  'no-answer',
  /** No such number or user is reachable. */
  'not-found',
  /** The called party is not registered or cannot take calls now. */
  'unavailable',
  /** The phone server refused the call (credentials, permissions). */
  'forbidden',
  /** The call was handed on to someone else (blind or attended transfer, or replaced). */
  'transferred',
  /** The connection to the phone server was lost and could not be restored in time. */
  'connection-lost',
  /** The audio path to the other side died (network, or the other side vanished). */
  'media-lost',
  /** The microphone could not be opened. */
  'microphone-unavailable',
  /** Anything else SIP or WebRTC reported. */
  'failed',
]);
export type EndCause = z.infer<typeof EndCause>;

export const TransferKind = z.enum(['blind', 'attended', 'referred']);
export type TransferKind = z.infer<typeof TransferKind>;

export const LineState = z.discriminatedUnion('name', [
  z.object({ name: z.literal('idle') }),
  z.object({ name: z.literal('ringing-in') }),
  z.object({ name: z.literal('dialing') }),
  z.object({ name: z.literal('early-media') }),
  z.object({ name: z.literal('active') }),
  z.object({ name: z.literal('held') }),
  z.object({
    name: z.literal('transferring'),
    /** blind/attended: this agent is handing the call on; referred: the other end moves us. */
    kind: TransferKind,
    /** Where the line goes back to if the transfer fails. */
    from: z.enum(['active', 'held']),
  }),
  z.object({ name: z.literal('ended'), cause: EndCause }),
]);
export type LineState = z.infer<typeof LineState>;
export type LineStateName = LineState['name'];

export type LineEvent =
  | { type: 'incoming' }
  | { type: 'dial' }
  | { type: 'early-media' }
  | { type: 'answered' }
  | { type: 'hold' }
  | { type: 'resume' }
  | { type: 'transfer-start'; kind: TransferKind }
  | { type: 'transfer-failed' }
  | { type: 'end'; cause: EndCause }
  | { type: 'clear' };

export type Transition = { ok: true; state: LineState } | { ok: false; reason: string };

export const IDLE: LineState = { name: 'idle' };

const refuse = (state: LineState, event: LineEvent): Transition => ({
  ok: false,
  reason: `a line that is ${state.name} cannot take "${event.type}"`,
});

/** The states in which a call exists (a SIP session is attached to the line). */
export function hasCall(state: LineState): boolean {
  return state.name !== 'idle' && state.name !== 'ended';
}

/** The line can take a new call: nothing on it, or only the memory of one that ended. */
export function isFree(state: LineState): boolean {
  return !hasCall(state);
}

/** The pure transition function; the engine applies nothing it refuses. */
export function transition(state: LineState, event: LineEvent): Transition {
  const to = (next: LineState): Transition => ({ ok: true, state: next });
  switch (event.type) {
    case 'incoming':
      return isFree(state) ? to({ name: 'ringing-in' }) : refuse(state, event);
    case 'dial':
      return isFree(state) ? to({ name: 'dialing' }) : refuse(state, event);
    case 'early-media':
      if (state.name === 'dialing') return to({ name: 'early-media' });
      // A second 183 changes nothing.
      if (state.name === 'early-media') return to(state);
      return refuse(state, event);
    case 'answered':
      if (state.name === 'ringing-in' || state.name === 'dialing' || state.name === 'early-media') return to({ name: 'active' });
      if (state.name === 'transferring' && state.kind === 'referred') return to({ name: 'active' });
      return refuse(state, event);
    case 'hold':
      return state.name === 'active' ? to({ name: 'held' }) : refuse(state, event);
    case 'resume':
      return state.name === 'held' ? to({ name: 'active' }) : refuse(state, event);
    case 'transfer-start':
      if (state.name === 'active' || state.name === 'held') return to({ name: 'transferring', kind: event.kind, from: state.name });
      return refuse(state, event);
    case 'transfer-failed':
      return state.name === 'transferring' ? to({ name: state.from }) : refuse(state, event);
    case 'end':
      return hasCall(state) ? to({ name: 'ended', cause: event.cause }) : refuse(state, event);
    case 'clear':
      return state.name === 'ended' || state.name === 'idle' ? to(IDLE) : refuse(state, event);
  }
}
