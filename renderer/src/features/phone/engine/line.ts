import type { DTMFOptions, RTCSession } from 'jssip/lib/RTCSession';
import type { CallDirection, CallTransfer } from '../../../../../shared/phone/call-record';
import type { DtmfTransport } from '../../../../../shared/phone/dtmf';
import { hasCall, IDLE, transition, type EndCause, type LineEvent, type LineState } from '../../../../../shared/phone/line-state';
import type { CallQuality, LineId, LineSnapshot, PhoneEvent, RemoteParty } from '../../../../../shared/phone/phone-protocol';
import { qualityBetween, readSample, type StatsSample } from './call-quality';
import { endCauseOf } from './end-cause';
import type { LineAudio, PhoneAudio } from './phone-audio';
import { MODE_INFO_TYPE, parseModeInfo } from '../../../../../shared/monitoring/grant';
import { parseTrainingInfo, TRAINING_INFO_TYPE } from '../../../../../shared/roleplay/training-info';
import { callRecordOf, newCall, remoteOf, type CallInfo } from './line-call';
import { followPeerConnection, hurryIceGathering, remoteAudioTrack, restartIce } from './line-media';
import { LineTransfers, type ReferRequest } from './line-transfers';
import { LineRecording } from './line-recording';

/** How long an ended call stays on the card (with its cause) before the line shows idle. */
export const ENDED_LINGER_MS = 4_000;
/** How long a call may go without its SIP connection before it is ended as connection-lost. */
export const SIGNALLING_GRACE_MS = 10_000;

export interface LineContext {
  audio: PhoneAudio;
  emit(event: PhoneEvent): void;
  pcConfig(): RTCConfiguration;
  /** The line's state, mute or remote hold changed: the engine re-renders, rings, routes audio. */
  changed(line: Line): void;
}

/** A command that does not fit the line's state (answer on an idle line): refused, reported, ignored. */
export class NotNow extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'NotNow';
  }
}

type SipEnd = { originator: string; cause?: string; message?: { status_code?: number } | null };

/**
 * One of the two lines: the state machine, the SIP session on it, its audio graph and its call
 * record. Every JsSIP event is checked against the session it came from: after a transfer or a
 * Replaces the line moves to a new session, and the old one's last words must not end the call.
 */
export class Line {
  state: LineState = IDLE;
  session: RTCSession | null = null;
  call: CallInfo | null = null;
  muted = false;
  /** Both sides of the call are being recorded (a role-play session). */
  recording = false;
  remoteHold = false;
  signalling: 'ok' | 'lost' = 'ok';
  consultFor: LineId | null = null;
  /** Set when this line's end is part of a transfer it took part in (the consult leg). */
  expectTransferEnd = false;
  /** Our own reason for ending, set just before we terminate the session. */
  private pendingCause: EndCause | null = null;
  private cancelDial = false;
  private clearTimer: ReturnType<typeof setTimeout> | undefined;
  private lostTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSample: StatsSample | null = null;
  readonly transfers: LineTransfers;
  readonly recorder: LineRecording;

  constructor(
    readonly id: LineId,
    readonly ctx: LineContext,
  ) {
    this.transfers = new LineTransfers(this);
    this.recorder = new LineRecording(this);
  }

  snapshot(): LineSnapshot {
    return {
      id: this.id,
      state: this.state,
      callId: this.call?.id ?? null,
      direction: this.call?.direction ?? null,
      remote: this.call?.remote ?? null,
      startedAt: this.call?.startedAt ?? null,
      answeredAt: this.call?.answeredAt ?? null,
      muted: this.muted,
      remoteHold: this.remoteHold,
      signalling: this.signalling,
      consultFor: this.consultFor,
      training: this.call?.training ?? null,
      recording: this.recording,
    };
  }

  /** Applies a state machine event; a refused one changes nothing and says so in the console log. */
  apply(event: LineEvent): boolean {
    const next = transition(this.state, event);
    if (!next.ok) {
      console.warn(`line ${this.id}: ${next.reason}`);
      return false;
    }
    this.state = next.state;
    clearTimeout(this.clearTimer);
    if (this.state.name === 'ended') {
      this.clearTimer = setTimeout(() => {
        if (this.state.name === 'ended' && this.apply({ type: 'clear' })) this.ctx.changed(this);
      }, ENDED_LINGER_MS);
    }
    this.ctx.changed(this);
    return true;
  }

  get audio(): LineAudio | null {
    return this.ctx.audio.line(this.id);
  }

  // ——— starting a call ———

  /** `training`: the role-play ticket the INVITE carried, unchecked (the console checks it). */
  ring(session: RTCSession, training: string | null = null): boolean {
    if (!this.apply({ type: 'incoming' })) return false;
    this.adopt(session, { ...newCall(session.id, 'inbound', remoteOf(session)), ...(training ? { training } : {}) });
    return true;
  }

  async dial(
    start: (options: { mediaStream: MediaStream; pcConfig: RTCConfiguration }) => RTCSession,
    remote: RemoteParty,
    purpose: 'call' | 'monitoring' | { training: string } = 'call',
  ): Promise<void> {
    this.call = {
      ...newCall(crypto.randomUUID(), 'outbound', remote),
      monitoring: purpose === 'monitoring',
      ...(typeof purpose === 'object' ? { training: purpose.training } : {}),
    };
    this.cancelDial = false;
    if (!this.apply({ type: 'dial' })) throw new NotNow('dial');
    let audio: LineAudio;
    try {
      audio = await this.ctx.audio.openLine(this.id);
    } catch (error) {
      this.finish('microphone-unavailable');
      throw error;
    }
    if (this.cancelDial || this.state.name !== 'dialing') {
      this.finish('cancelled');
      return;
    }
    try {
      const session = start({ mediaStream: audio.outgoingStream, pcConfig: this.ctx.pcConfig() });
      this.adopt(session, { ...(this.call ?? newCall(session.id, 'outbound', remote)), id: session.id });
      this.watchConnection(session);
    } catch (error) {
      this.finish('failed');
      throw error;
    }
  }

  async answer(): Promise<void> {
    const session = this.session;
    if (this.state.name !== 'ringing-in' || !session) throw new NotNow('answer');
    let audio: LineAudio;
    try {
      audio = await this.ctx.audio.openLine(this.id);
    } catch (error) {
      this.endWith('microphone-unavailable', { status_code: 480 });
      throw error;
    }
    if (session !== this.session || session.isEnded()) return;
    session.answer({ mediaStream: audio.outgoingStream, pcConfig: this.ctx.pcConfig() });
    this.watchConnection(session);
  }

  /** Puts a session on this line and listens to it; events from any other session are ignored. */
  adopt(session: RTCSession, call: CallInfo): void {
    this.session = session;
    this.call = call;
    this.muted = false;
    this.remoteHold = false;
    this.signalling = 'ok';
    this.pendingCause = null;
    this.lastSample = null;
    // The line's outgoing track outlives its sessions; the one before may have left it disabled
    // (JsSIP disables senders on hold, and a REFER arrives while we are held).
    const track = this.audio?.outgoingTrack;
    if (track) track.enabled = true;
    const mine = () => session === this.session;
    session.on('progress', (event: { originator: string; response?: { status_code?: number; body?: string } }) => {
      if (mine() && event.originator === 'remote' && event.response?.status_code === 183 && event.response.body) this.apply({ type: 'early-media' });
    });
    session.on('accepted', () => {
      if (!mine() || !this.call) return;
      this.call.answeredAt = Date.now();
      if (this.state.name === 'transferring' && this.state.kind === 'referred') this.transfers.referCompleted();
      if (this.state.name !== 'active') this.apply({ type: 'answered' });
      else this.ctx.changed(this);
      this.attachRemoteAudio(session);
    });
    session.on('ended', (event) => this.sessionOver(session, event as unknown as SipEnd));
    session.on('failed', (event) => this.sessionOver(session, event as unknown as SipEnd));
    session.on('hold', ({ originator }: { originator: string }) => {
      if (!mine()) return;
      if (originator === 'remote') {
        this.remoteHold = true;
        this.ctx.changed(this);
      } else if (this.state.name === 'active') this.apply({ type: 'hold' });
    });
    session.on('unhold', ({ originator }: { originator: string }) => {
      if (!mine()) return;
      if (originator === 'remote') {
        this.remoteHold = false;
        this.ctx.changed(this);
      } else if (this.state.name === 'held') this.apply({ type: 'resume' });
    });
    session.on('newDTMF', (event: { originator: string; dtmf: { tone: string } }) => {
      if (mine() && event.originator === 'remote') this.ctx.emit({ type: 'dtmfReceived', line: this.id, tone: String(event.dtmf.tone).slice(0, 1) });
    });
    session.on('newInfo', (event: { originator: string; info: { contentType?: string; body?: string } }) => {
      if (!mine() || event.originator !== 'remote') return;
      if (event.info.contentType === TRAINING_INFO_TYPE) {
        // Only on a call that carries a role-play ticket; the console decides whether it is training.
        const info = this.call?.training ? parseTrainingInfo(event.info.body ?? '') : null;
        if (info && this.call) this.ctx.emit({ type: 'trainingInfo', line: this.id, callId: this.call.id, info });
        return;
      }
      // On a supervisor's monitoring call: the agent's phone says which mode it is mixing.
      if (event.info.contentType !== MODE_INFO_TYPE) return;
      const mode = parseModeInfo(event.info.body ?? '');
      if (mode) this.ctx.emit({ type: 'monitorMode', line: this.id, mode });
    });
    hurryIceGathering(session);
    session.on('refer', (event) => this.transfers.onRefer(session, event as unknown as ReferRequest));
    session.on('replaces', (event) => this.transfers.onReplaces(session, event as unknown as ReferRequest));
    this.ctx.changed(this);
  }

  /** Follows the peer connection: remote audio into the graph, and a dead audio path ends the call. */
  watchConnection(session: RTCSession): void {
    followPeerConnection(session, {
      current: () => session === this.session,
      onTrack: (track) => this.audio?.attachRemote(track),
      onTrouble: () => restartIce(session),
      onDead: () => this.endWith('media-lost'),
    });
  }

  attachRemoteAudio(session: RTCSession): void {
    const track = remoteAudioTrack(session);
    if (track) this.audio?.attachRemote(track);
  }

  // ——— controls ———

  hangup(): void {
    switch (this.state.name) {
      case 'ringing-in':
        this.endWith('rejected', { status_code: 486, reason_phrase: 'Busy Here' });
        return;
      case 'dialing':
      case 'early-media':
        if (!this.session) {
          this.cancelDial = true;
          return;
        }
        this.endWith('cancelled');
        return;
      case 'active':
      case 'held':
      case 'transferring':
        this.endWith('hangup-local');
        return;
      default:
        throw new NotNow('hangup');
    }
  }

  hold(): void {
    if (this.state.name !== 'active' || !this.session) throw new NotNow('hold');
    if (this.session.hold() === false) throw new NotNow('hold');
  }

  resume(): void {
    if (this.state.name !== 'held' || !this.session) throw new NotNow('resume');
    if (this.session.unhold() === false) throw new NotNow('resume');
  }

  /** Mute stops sending: the sender's track is taken away (no renegotiation), and given back on unmute. */
  async setMuted(muted: boolean): Promise<void> {
    const sender = this.audioSender();
    const track = this.audio?.outgoingTrack ?? null;
    if (!sender || !track || !hasCall(this.state)) throw new NotNow(muted ? 'mute' : 'unmute');
    if (muted) {
      await sender.replaceTrack(null);
    } else {
      // JsSIP disables the sender's track while a call is on hold; it cannot see a detached one.
      const hold = this.session?.isOnHold();
      track.enabled = !(hold?.local || hold?.remote);
      await sender.replaceTrack(track);
    }
    this.muted = muted;
    this.ctx.changed(this);
  }

  sendDtmf(tones: string, transport: DtmfTransport): void {
    const session = this.session;
    if (!session || (this.state.name !== 'active' && this.state.name !== 'early-media')) throw new NotNow('sendDtmf');
    // RFC 4733 rides on the sending track; a muted line has none to carry it.
    if (transport === 'rfc4733' && this.muted) throw new NotNow('sendDtmf while muted');
    session.sendDTMF(tones, { transportType: (transport === 'info' ? 'INFO' : 'RFC2833') as DTMFOptions['transportType'], duration: 120, interToneGap: 80 });
  }

  async sampleQuality(): Promise<CallQuality | null> {
    const connection = this.session?.connection as RTCPeerConnection | undefined;
    if (!connection || this.state.name !== 'active') return null;
    const sample = await readSample(connection);
    if (!sample) return null;
    const quality = qualityBetween(this.lastSample, sample, Date.now());
    this.lastSample = sample;
    return quality;
  }

  // ——— the SIP connection under the call ———

  signallingLost(): void {
    if (!this.session || !hasCall(this.state) || this.signalling === 'lost') return;
    this.signalling = 'lost';
    this.lostTimer = setTimeout(() => this.endWith('connection-lost'), SIGNALLING_GRACE_MS);
    this.ctx.changed(this);
  }

  /**
   * The WebSocket is back. The other side still addresses us through the old connection, so a
   * re-INVITE tells it the new one; if that fails the call cannot be hung up properly and ends now.
   * A call not yet answered has no dialog to repair (its CANCEL may be lost): it ends.
   */
  signallingRestored(): void {
    const session = this.session;
    if (this.signalling !== 'lost' || !session) return;
    if (this.state.name === 'ringing-in' || this.state.name === 'dialing' || this.state.name === 'early-media') {
      this.endWith('connection-lost');
      return;
    }
    this.pendingCause = 'connection-lost';
    const started = session.renegotiate({}, () => {
      if (session !== this.session) return;
      this.pendingCause = null;
      this.signalling = 'ok';
      clearTimeout(this.lostTimer);
      this.ctx.changed(this);
    });
    if (started === false) this.pendingCause = null;
  }

  // ——— ending ———

  /** Ends the call for our own reason: terminate the session (BYE/CANCEL/486) and settle the line. */
  endWith(cause: EndCause, options: { status_code?: number; reason_phrase?: string } = {}): void {
    const session = this.session;
    if (!session) {
      if (hasCall(this.state)) this.finish(cause);
      return;
    }
    this.pendingCause = cause;
    try {
      if (!session.isEnded()) session.terminate(options);
    } catch {
      // The session is past terminating (e.g. its transport is gone); settle the line anyway.
    }
    if (session === this.session && hasCall(this.state)) this.sessionOver(session, { originator: 'local', cause: 'Terminated' });
  }

  private sessionOver(session: RTCSession, event: SipEnd): void {
    if (session !== this.session) {
      this.transfers.supersededEnded(session);
      return;
    }
    if (this.transfers.newSessionFailed(session)) return;
    const cause =
      this.pendingCause ??
      (this.expectTransferEnd
        ? 'transferred'
        : endCauseOf({
            originator: event.originator,
            cause: event.cause,
            status: event.message?.status_code ?? null,
            direction: this.call?.direction ?? 'inbound',
            answered: this.call?.answeredAt != null,
          }));
    this.finish(cause);
  }

  /** Writes the call record, releases the audio and moves the line to ended. */
  finish(cause: EndCause, transfers: CallTransfer[] = []): void {
    clearTimeout(this.lostTimer);
    if (this.call) this.record(this.call, cause, transfers);
    this.session = null;
    this.pendingCause = null;
    this.expectTransferEnd = false;
    this.muted = false;
    this.remoteHold = false;
    this.signalling = 'ok';
    this.consultFor = null;
    this.transfers.reset();
    // Before the graph goes: hanging up ends a recording, it never loses it.
    this.recorder.end();
    this.ctx.audio.closeLine(this.id);
    if (hasCall(this.state)) this.apply({ type: 'end', cause });
    else this.ctx.changed(this);
  }

  record(call: CallInfo, cause: EndCause, transfers: CallTransfer[] = []): void {
    if (call.recorded) return;
    call.recorded = true;
    // A monitoring leg and the caller's side of a role-play are not calls with a customer.
    if (call.monitoring || (call.training && call.direction === 'outbound')) return;
    this.ctx.emit({ type: 'callEnded', record: callRecordOf(call, this.id, cause, transfers) });
  }

  audioSender(): RTCRtpSender | null {
    const connection = this.session?.connection as RTCPeerConnection | undefined;
    return connection?.getTransceivers().find((t) => t.receiver.track.kind === 'audio')?.sender ?? null;
  }

  direction(): CallDirection | null {
    return this.call?.direction ?? null;
  }
}
