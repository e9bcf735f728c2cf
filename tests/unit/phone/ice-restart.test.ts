import type { RTCSession } from 'jssip/lib/RTCSession';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followPeerConnection, ICE_DISCONNECTED_MS, restartIce } from '../../../renderer/src/features/phone/engine/line-media';

/** The browser's peer connection as the phone sees it: ICE state changes, announced as events. */
class FakeConnection extends EventTarget {
  iceConnectionState: RTCIceConnectionState = 'connected';
  to(state: RTCIceConnectionState): void {
    this.iceConnectionState = state;
    this.dispatchEvent(new Event('iceconnectionstatechange'));
  }
}

function call() {
  const connection = new FakeConnection();
  const renegotiate = vi.fn(() => true);
  const session = { connection, isEstablished: () => true, renegotiate } as unknown as RTCSession;
  const events: string[] = [];
  followPeerConnection(session, {
    current: () => true,
    onTrack: () => {},
    onTrouble: () => {
      events.push('restart');
      restartIce(session);
    },
    onDead: () => events.push('dead'),
  });
  return { connection, renegotiate, events };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a call whose network path breaks', () => {
  it('restarts ICE at once and keeps the call when the path comes back', () => {
    const { connection, renegotiate, events } = call();
    connection.to('disconnected');
    expect(renegotiate).toHaveBeenCalledWith({ rtcOfferConstraints: { iceRestart: true } });
    connection.to('checking');
    connection.to('connected');
    vi.advanceTimersByTime(ICE_DISCONNECTED_MS * 2);
    expect(events).toEqual(['restart']);
  });

  it('restarts once for one episode, and ends the call when the path stays broken', () => {
    const { connection, renegotiate, events } = call();
    connection.to('disconnected');
    connection.to('failed');
    expect(renegotiate).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(ICE_DISCONNECTED_MS - 1);
    expect(events).toEqual(['restart']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['restart', 'dead']);
  });

  it('tries again when the path breaks a second time later in the call', () => {
    const { connection, renegotiate } = call();
    connection.to('disconnected');
    connection.to('connected');
    connection.to('disconnected');
    expect(renegotiate).toHaveBeenCalledTimes(2);
  });
});
