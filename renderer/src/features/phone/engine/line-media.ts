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
 * Follows a session's peer connection: remote audio goes to `onTrack`. When the audio path breaks
 * (ICE "disconnected" or "failed": the laptop moved to another Wi-Fi, the VPN came back) the call
 * first tries an ICE restart (`onTrouble`, a re-INVITE with new candidates); if the path is still
 * broken ICE_DISCONNECTED_MS later, `onDead` ends the call, so a call whose other side vanished
 * without a BYE never sits "active" forever. `current()` says whether the session still owns the line.
 */
export function followPeerConnection(
  session: RTCSession,
  handlers: { current(): boolean; onTrack(track: MediaStreamTrack): void; onTrouble(): void; onDead(): void },
): void {
  const connection = session.connection as RTCPeerConnection | undefined;
  if (!connection) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const broken = () => connection.iceConnectionState === 'disconnected' || connection.iceConnectionState === 'failed';
  connection.addEventListener('track', (event) => {
    if (handlers.current() && event.track.kind === 'audio') handlers.onTrack(event.track);
  });
  connection.addEventListener('iceconnectionstatechange', () => {
    if (!handlers.current()) {
      clearTimeout(timer);
      return;
    }
    if (!broken()) {
      clearTimeout(timer);
      timer = undefined;
      return;
    }
    // One restart per episode: "disconnected" then "failed" is the same trouble.
    if (timer !== undefined) return;
    handlers.onTrouble();
    timer = setTimeout(() => {
      timer = undefined;
      if (handlers.current() && broken()) handlers.onDead();
    }, ICE_DISCONNECTED_MS);
  });
}

/** The audio track a session receives, once its peer connection has one. */
export function remoteAudioTrack(session: RTCSession): MediaStreamTrack | null {
  const connection = session.connection as RTCPeerConnection | undefined;
  return connection?.getReceivers().find((receiver) => receiver.track.kind === 'audio')?.track ?? null;
}

/** Asks for new ICE candidates on an established call; false when JsSIP cannot now (mid-transaction). */
export function restartIce(session: RTCSession): boolean {
  if (!session.isEstablished()) return false;
  return session.renegotiate({ rtcOfferConstraints: { iceRestart: true } }) !== false;
}
