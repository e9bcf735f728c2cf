import type { RTCSession } from 'jssip/lib/RTCSession';
import type { DtmfTransport } from '../../../../../shared/phone/dtmf';
import type { AwayRefusal } from '../../../../../shared/phone/phone-settings';
import { hasCall } from '../../../../../shared/phone/line-state';
import {
  LINE_IDS,
  PhoneCommand,
  type LineId,
  type PhoneCommandInput,
  type PhoneErrorCode,
  type PhoneEvent,
  type PhonePort,
} from '../../../../../shared/phone/phone-protocol';
import type { IceServer } from '../../../../../shared/sip/provisioning';
import { Line, NotNow } from './line';
import { remoteOfUri } from './line-call';
import { listAudioDevices } from './audio-devices';
import { LevelMeter } from './level-meter';
import { MicrophoneError, PhoneAudio } from './phone-audio';
import { Ringtone } from './ringtone';
import { SipAgent } from './sip-agent';
import { watchForWake } from './wake-detector';
import { isMonitoringInvite, MonitorLegs, type MonitorGate } from './monitor-leg';
import { ROLEPLAY_HEADER } from '../../../../../shared/roleplay/session-ticket';
import { TRAINING_INFO_TYPE, trainingInfoBody } from '../../../../../shared/roleplay/training-info';
import { GRANT_HEADER, MODE_HEADER, MODE_INFO_TYPE, modeInfoBody, takeOverInfoBody } from '../../../../../shared/monitoring/grant';

/** A User Timing mark set when an incoming INVITE arrives; `detail.callId` names the call. */
export const INVITE_RECEIVED_MARK = 'phone.invite-received';

/** How often call quality is measured on the active line. */
const QUALITY_INTERVAL_MS = 2_000;

export interface PhoneEngineOptions {
  inputDeviceId?: string | null;
  outputDeviceId?: string | null;
  voiceProcessing?: boolean;
  /** The host's check of supervisors' monitoring grants; without one, every monitoring leg is refused. */
  monitorGate?: () => MonitorGate | null;
}

/**
 * The phone: one JsSIP user agent, two lines, the audio graph, the ringtone. Plain TypeScript,
 * created once when the console starts and never owned by a component, so no render, error or
 * remount in the UI can drop a call. It speaks only PhoneCommand in and PhoneEvent out (see
 * shared/phone/phone-protocol.ts), which is what lets it later move to its own page behind a
 * MessagePort.
 */
export class PhoneEngine implements PhonePort {
  private readonly listeners = new Set<(event: PhoneEvent) => void>();
  private readonly audio: PhoneAudio;
  private readonly ringtone: Ringtone;
  private readonly agent: SipAgent;
  private readonly lines: Record<LineId, Line>;
  private iceServers: IceServer[] = [];
  private autoAnswer = false;
  private takingCalls: { taking: boolean; refusal: AwayRefusal } = { taking: true, refusal: 'busy' };
  private dtmfTransport: DtmfTransport = 'rfc4733';
  private stopWatching: (() => void) | null = null;
  private qualityTimer: ReturnType<typeof setInterval> | undefined;
  private readonly levels: LevelMeter;
  private readonly monitors: MonitorLegs;

  constructor(options: PhoneEngineOptions = {}) {
    this.audio = new PhoneAudio({
      inputDeviceId: options.inputDeviceId ?? null,
      outputDeviceId: options.outputDeviceId ?? null,
      voiceProcessing: options.voiceProcessing ?? false,
    });
    this.ringtone = new Ringtone(() => this.audio.audioContext());
    const ctx = {
      audio: this.audio,
      emit: (event: PhoneEvent) => this.emit(event),
      pcConfig: (): RTCConfiguration => ({ iceServers: this.iceServers }),
      changed: (line: Line) => this.lineChanged(line),
    };
    this.lines = { 1: new Line(1, ctx), 2: new Line(2, ctx) };
    this.levels = new LevelMeter(() => this.meteredLine(), (event) => this.emit(event));
    this.monitors = new MonitorLegs(
      {
        liveCalls: () =>
          this.allLines().flatMap((line) =>
            line.call && (line.state.name === 'active' || line.state.name === 'held') ? [{ line: line.id, callId: line.call.id }] : [],
          ),
        openTap: (line) => this.audio.line(line)?.openMonitor() ?? null,
        handOver: (line, leg, display) => this.lines[line].transfers.handOver(leg, display),
        pcConfig: () => ({ iceServers: this.iceServers }),
        emit: (event) => this.emit(event),
      },
      options.monitorGate ?? (() => null),
    );
    this.agent = new SipAgent({
      registration: (registration) => this.emit({ type: 'registration', registration }),
      incoming: (session, event) => this.incoming(session, event.request),
      transport: (connected) => {
        for (const line of this.allLines()) {
          if (connected) line.signallingRestored();
          else line.signallingLost();
        }
      },
    });
  }

  /** Later features tap a line's audio here (same tab only: analysers do not cross a MessagePort). */
  taps(line: LineId) {
    return this.audio.taps(line);
  }

  /** Subscribers get the current state at once, so one that (re)attaches late is never stale. */
  subscribe(listener: (event: PhoneEvent) => void): () => void {
    this.listeners.add(listener);
    listener({ type: 'registration', registration: this.agent.registration });
    for (const line of this.allLines()) listener({ type: 'line', line: line.snapshot() });
    return () => this.listeners.delete(listener);
  }

  send(input: PhoneCommandInput): void {
    const parsed = PhoneCommand.safeParse(input);
    if (!parsed.success) {
      this.fail('not-now', null, `invalid command: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      return;
    }
    const command = parsed.data;
    const line = 'line' in command ? command.line : null;
    this.run(command).catch((error: unknown) => {
      if (error instanceof MicrophoneError) this.fail('microphone-unavailable', line, error.reason);
      else if (error instanceof NotNow) this.fail('not-now', line, error.message);
      else {
        console.error(`phone command ${command.type} failed`, error);
        this.fail(command.type === 'dial' || command.type === 'startConsult' ? 'dial-failed' : 'not-now', line, error instanceof Error ? error.message : null);
      }
    });
  }

  /** Browsers unlock audio after a gesture; the console forwards its first clicks and keys. */
  unlockAudio(): void {
    this.audio.resumeOnGesture();
  }

  private async run(command: PhoneCommand): Promise<void> {
    switch (command.type) {
      case 'register':
        this.iceServers = command.provisioning.iceServers;
        if (this.agent.running && this.hasCalls()) this.agent.updateCredentials(command.provisioning);
        else this.agent.start(command.provisioning);
        this.startWatching();
        await this.refreshDevices();
        return;
      case 'updateCredentials':
        this.iceServers = command.provisioning.iceServers;
        this.agent.updateCredentials(command.provisioning);
        return;
      case 'unregister':
        this.stopWatching?.();
        this.stopWatching = null;
        clearInterval(this.qualityTimer);
        this.agent.stop();
        for (const line of this.allLines()) if (hasCall(line.state)) line.endWith('hangup-local');
        this.ringtone.stop();
        return;
      case 'reconnect':
        this.agent.reconnect(this.hasCalls());
        return;
      case 'dial':
        return this.dial(command.target, command.display, null);
      case 'answer':
        this.holdOthers(command.line);
        await this.lines[command.line].answer();
        // With the microphone open the browser names the devices; the pickers show the names.
        await this.refreshDevices();
        return;
      case 'reject':
        if (this.lines[command.line].state.name !== 'ringing-in') throw new NotNow('reject');
        return this.lines[command.line].hangup();
      case 'hangup':
        return this.lines[command.line].hangup();
      case 'hold':
        return this.lines[command.line].hold();
      case 'resume':
        this.holdOthers(command.line);
        return this.lines[command.line].resume();
      case 'mute':
      case 'unmute':
        return this.lines[command.line].setMuted(command.type === 'mute');
      case 'sendDtmf':
        try {
          this.lines[command.line].sendDtmf(command.tones, command.transport ?? this.dtmfTransport);
        } catch (error) {
          this.fail('dtmf-failed', command.line, error instanceof Error ? error.message : null);
        }
        return;
      case 'blindTransfer':
        return this.lines[command.line].transfers.blind(command.target, remoteOfUri(command.target).user);
      case 'startConsult': {
        const line = this.lines[command.line];
        if (line.state.name !== 'active' && line.state.name !== 'held') throw new NotNow('startConsult');
        if (line.state.name === 'active') line.hold();
        return this.dial(command.target, command.display, command.line);
      }
      case 'completeAttendedTransfer': {
        const consult = this.allLines().find((l) => l.consultFor === command.line);
        if (!consult) throw new NotNow('completeAttendedTransfer');
        return this.lines[command.line].transfers.attended(consult);
      }
      case 'swap':
        return this.swap();
      case 'setInputDevice':
        await this.audio.setInputDevice(command.deviceId);
        await this.refreshDevices();
        return;
      case 'setOutputDevice':
        return this.setOutputDevice(command.deviceId);
      case 'setAutoAnswer':
        this.autoAnswer = command.enabled;
        return;
      case 'setTakingCalls':
        this.takingCalls = { taking: command.taking, refusal: command.refusal };
        return;
      case 'setDtmfTransport':
        this.dtmfTransport = command.transport;
        return;
      case 'setVoiceProcessing':
        return this.audio.setVoiceProcessing(command.enabled);
      case 'refreshDevices':
        return this.refreshDevices();
      case 'monitor':
        return this.dialAs(command.target, command.display, command.token ? [`${GRANT_HEADER}: ${command.token}`, `${MODE_HEADER}: ${command.mode}`] : [], null, 'monitoring');
      case 'takeOver':
        return this.sendMonitorInfo(command.line, takeOverInfoBody(command.token), command.type);
      case 'setMonitorMode':
        return this.sendMonitorInfo(command.line, modeInfoBody(command.mode), command.type);
      case 'sendTrainingInfo': {
        const line = this.lines[command.line];
        if (!line.session || !line.call?.training || (line.state.name !== 'active' && line.state.name !== 'held')) throw new NotNow(command.type);
        line.session.sendInfo(TRAINING_INFO_TYPE, trainingInfoBody(command.info));
        return;
      }
      case 'placeTrainingCall':
        return this.dialAs(command.target, command.display, [`${ROLEPLAY_HEADER}: ${command.token}`], null, { training: command.token });
      case 'startRecording':
        return this.lines[command.line].recorder.start();
      case 'stopRecording':
        return this.lines[command.line].recorder.stop();
    }
  }

  /** A supervisor's word to the agent's phone on the monitoring call (SIP INFO). */
  private sendMonitorInfo(id: LineId, body: string, what: string): void {
    const line = this.lines[id];
    if (!line.session || line.state.name !== 'active') throw new NotNow(what);
    line.session.sendInfo(MODE_INFO_TYPE, body);
  }

  private dial(target: string, display: string | undefined, consultFor: LineId | null): Promise<void> {
    return this.dialAs(target, display, [], consultFor);
  }

  private async dialAs(
    target: string,
    display: string | undefined,
    extraHeaders: string[],
    consultFor: LineId | null = null,
    purpose: 'call' | 'monitoring' | { training: string } = 'call',
  ): Promise<void> {
    if (this.agent.registration.status !== 'registered') {
      this.fail('not-registered', null, null);
      return;
    }
    const line = this.freeLine();
    if (!line) {
      this.fail('no-free-line', null, null);
      return;
    }
    this.holdOthers(line.id);
    line.consultFor = consultFor;
    await line.dial((options) => this.agent.call(target, { ...options, extraHeaders, rtcOfferConstraints: { offerToReceiveAudio: true } }), remoteOfUri(target, display), purpose);
    await this.refreshDevices();
  }

  private incoming(session: RTCSession, request: { hasHeader(name: string): boolean; getHeader(name: string): string | undefined }): void {
    // The moment the INVITE reached the phone (JsSIP's newRTCSession): what screen-pop latency
    // is measured from (tests/bench/screen-pop.ts). Only the latest is kept.
    performance.clearMarks(INVITE_RECEIVED_MARK);
    performance.mark(INVITE_RECEIVED_MARK, { detail: { callId: session.id } });
    if (isMonitoringInvite(request)) {
      // A supervisor joining a call: never rings, never takes a line, answered only with a valid grant.
      void this.monitors.offer(session, request);
      return;
    }
    if (request.hasHeader('replaces')) {
      const replaced = this.allLines().find((line) => line.transfers.awaitingReplacement);
      if (replaced) replaced.transfers.adoptReplacement(session);
      else session.terminate({ status_code: 481 });
      return;
    }
    const training = request.getHeader(ROLEPLAY_HEADER) ?? null;
    // A role-play call rings a trainee who set themselves "in training"; the console checks its
    // ticket with the host before it is treated as training (a forged header is an ordinary call).
    if (!this.takingCalls.taking && training === null) {
      // On a break or wrapping up: the agent is not rung at all.
      if (this.takingCalls.refusal === 'decline') session.terminate({ status_code: 603, reason_phrase: 'Decline' });
      else session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    const line = this.freeLine();
    if (!line) {
      // Both lines busy: the caller hears busy and the PBX may route the call elsewhere.
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    if (!line.ring(session, training)) {
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    if (this.autoAnswer && !this.allLines().some((other) => other !== line && hasCall(other.state))) {
      this.send({ type: 'answer', line: line.id });
    }
  }

  /** Talking to one person at a time: starting or resuming a call holds the one that was active. */
  private holdOthers(except: LineId): void {
    for (const line of this.allLines()) {
      if (line.id !== except && line.state.name === 'active') line.hold();
    }
  }

  private swap(): void {
    const active = this.allLines().find((line) => line.state.name === 'active');
    const held = this.allLines().find((line) => line.state.name === 'held');
    if (!held) throw new NotNow('swap');
    if (active) active.hold();
    held.resume();
  }

  private async setOutputDevice(deviceId: string | null): Promise<void> {
    const previous = this.audio.outputDeviceId;
    try {
      await this.audio.setOutputDevice(deviceId);
      await this.ringtone.setOutputDevice(deviceId);
    } catch (error) {
      await this.audio.setOutputDevice(previous).catch(() => undefined);
      this.fail('output-device-failed', null, error instanceof Error ? error.name : null);
    }
    await this.refreshDevices();
  }

  private async refreshDevices(): Promise<void> {
    const { inputs, outputs } = await listAudioDevices();
    const input = this.audio.inputDeviceId;
    if (input && inputs.length > 0 && !inputs.some((device) => device.id === input)) this.fail('device-missing', null, 'input');
    this.emit({ type: 'devices', inputs, outputs, input, output: this.audio.outputDeviceId });
  }

  private startWatching(): void {
    if (this.stopWatching) return;
    const stopWake = watchForWake((reason) => {
      console.info(`phone: re-registering after ${reason}`);
      this.agent.reconnect(this.hasCalls());
    });
    const onDeviceChange = () => void this.refreshDevices();
    navigator.mediaDevices?.addEventListener('devicechange', onDeviceChange);
    this.stopWatching = () => {
      stopWake();
      navigator.mediaDevices?.removeEventListener('devicechange', onDeviceChange);
    };
    this.qualityTimer = setInterval(() => void this.measureQuality(), QUALITY_INTERVAL_MS);
  }

  private async measureQuality(): Promise<void> {
    for (const line of this.allLines()) {
      if (line.state.name !== 'active') continue;
      try {
        const quality = await line.sampleQuality();
        if (quality) this.emit({ type: 'quality', line: line.id, quality });
      } catch {
        // Stats are best effort; a call is never ended because they could not be read.
      }
    }
  }

  private lineChanged(line: Line): void {
    this.emit({ type: 'line', line: line.snapshot() });
    // The call is over (not merely transferring: a take-over needs the leg until the customer is handed over).
    if (!hasCall(line.state)) this.monitors.lineFree(line.id);
    if (line.state.name !== 'active') this.emit({ type: 'quality', line: line.id, quality: null });
    line.recorder.mix();
    for (const each of this.allLines()) {
      each.audio?.setAudible(each.state.name === 'active' || each.state.name === 'early-media');
      if (each.consultFor !== null && !hasCall(this.lines[each.consultFor].state)) each.consultFor = null;
    }
    const ringing = this.allLines().some((each) => each.state.name === 'ringing-in');
    const busy = this.allLines().some((each) => hasCall(each.state) && each.state.name !== 'ringing-in');
    if (!ringing) this.ringtone.stop();
    else this.ringtone.start(busy ? 'waiting' : 'ring');
    this.levels.update();
  }

  /** The line whose audio levels are measured: the call the agent is talking on, unless the other side holds it. */
  private meteredLine() {
    const line = this.allLines().find((each) => each.state.name === 'active' && !each.remoteHold);
    const taps = line ? this.audio.taps(line.id) : null;
    return line && taps ? { line: line.id, taps, muted: line.muted } : null;
  }

  private freeLine(): Line | null {
    return this.allLines().find((line) => !hasCall(line.state)) ?? null;
  }

  private hasCalls(): boolean {
    return this.allLines().some((line) => hasCall(line.state));
  }

  private allLines(): Line[] {
    return LINE_IDS.map((id) => this.lines[id]);
  }

  private fail(code: PhoneErrorCode, line: LineId | null, detail: string | null): void {
    this.emit({ type: 'error', code, line, detail: detail === null ? null : detail.slice(0, 500) });
  }

  private emit(event: PhoneEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // A broken subscriber (a UI bug) must never break the phone.
        console.error('phone event listener failed', error);
      }
    }
  }
}
