import type { RTCSession } from 'jssip/lib/RTCSession';

/** How long ICE may stay "disconnected" before the audio path counts as dead. */
export const ICE_DISCONNECTED_MS = 10_000;
/**
 * JsSIP sends an offer or answer only when ICE gathering completes, which can take many seconds
 * when a STUN/TURN server does not answer. A second after the first candidate (or at once with a
 * relay candidate) is enough: the call rings without the wait.
 */
const ICE_GATHERING_GRACE_MS = 1_000;

export function hurryIceGathering(session: RTCSession): void {
  let gathering: (() => void) | null = null;
  session.on('icecandidate', (event: { candidate: RTCIceCandidate; ready: () => void }) => {
    if (event.candidate.type === 'relay') event.ready();
    if (gathering === event.ready) return;
    gathering = event.ready;
    setTimeout(event.ready, ICE_GATHERING_GRACE_MS);
  });
}

/**
 * Follows a session's peer connection: remote audio goes to `onTrack`, and an audio path that
 * fails (or stays disconnected) calls `onDead`, so a call whose other side vanished without a BYE
 * ends instead of sitting "active" forever. `current()` says whether the session still owns the line.
 */
export function followPeerConnection(
  session: RTCSession,
  handlers: { current(): boolean; onTrack(track: MediaStreamTrack): void; onDead(): void },
): void {
  const connection = session.connection as RTCPeerConnection | undefined;
  if (!connection) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  connection.addEventListener('track', (event) => {
    if (handlers.current() && event.track.kind === 'audio') handlers.onTrack(event.track);
  });
  connection.addEventListener('iceconnectionstatechange', () => {
    clearTimeout(timer);
    if (!handlers.current()) return;
    if (connection.iceConnectionState === 'failed') handlers.onDead();
    if (connection.iceConnectionState === 'disconnected') {
      timer = setTimeout(() => {
        if (handlers.current() && connection.iceConnectionState === 'disconnected') handlers.onDead();
      }, ICE_DISCONNECTED_MS);
    }
  });
}
