/**
 * Node has no WebRTC, and JsSIP refuses calls without a global RTCPeerConnection. These tests
 * check SIP signalling through Kamailio (INVITE, ACK, BYE reaching WebSocket clients), so a peer
 * connection that only produces and accepts SDP is enough. Media is checked end to end with real
 * Chromium consoles (tests/e2e), never here.
 */

interface Description {
  type: 'offer' | 'answer' | 'pranswer' | 'rollback';
  sdp: string;
}

let sessionId = 1_000;

function audioSdp(): string {
  sessionId += 1;
  return [
    'v=0',
    `o=- ${sessionId} 1 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'c=IN IP4 0.0.0.0',
    'a=rtpmap:111 opus/48000/2',
    'a=sendrecv',
    '',
  ].join('\r\n');
}

class SignalingOnlyPeerConnection extends EventTarget {
  localDescription: Description | null = null;
  remoteDescription: Description | null = null;
  signalingState = 'stable';
  // "complete" at once: JsSIP sends the SDP without waiting for candidates.
  iceGatheringState = 'complete';
  iceConnectionState = 'new';
  connectionState = 'new';

  async createOffer(): Promise<Description> {
    return { type: 'offer', sdp: audioSdp() };
  }

  async createAnswer(): Promise<Description> {
    return { type: 'answer', sdp: audioSdp() };
  }

  async setLocalDescription(description: Description): Promise<void> {
    this.localDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable';
  }

  async setRemoteDescription(description: Description): Promise<void> {
    this.remoteDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }

  addTrack(): void {}

  getSenders(): unknown[] {
    return [];
  }

  getReceivers(): unknown[] {
    return [];
  }

  close(): void {
    this.signalingState = 'closed';
  }
}

class SessionDescription implements Description {
  type: Description['type'];
  sdp: string;
  constructor(init: Description) {
    this.type = init.type;
    this.sdp = init.sdp;
  }
}

/** Installs the globals JsSIP looks for (`window.RTCPeerConnection`, `RTCSessionDescription`). */
export function installSignalingOnlyWebRtc(): () => void {
  const scope = globalThis as Record<string, unknown>;
  const installed: Record<string, unknown> = {
    window: globalThis,
    RTCPeerConnection: SignalingOnlyPeerConnection,
    RTCSessionDescription: SessionDescription,
  };
  const saved = Object.keys(installed).map((name) => [name, Object.getOwnPropertyDescriptor(scope, name)] as const);
  Object.assign(scope, installed);
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor === undefined) delete scope[name];
      else Object.defineProperty(scope, name, descriptor);
    }
  };
}
