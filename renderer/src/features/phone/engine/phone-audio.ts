import type { LineId } from '../../../../../shared/phone/phone-protocol';
import { RecordingTap } from './call-recorder';

/**
 * The phone's audio, all of it in one WebAudio graph the phone owns:
 *
 *   microphone ─▶ source ─▶ input gain ─▶ input analyser ─▶ line destination ─▶ outgoing track
 *   remote track ─▶ source ─▶ remote bus ─▶ output gain ─▶ output analyser ─▶ speaker bus ─▶ <audio> (setSinkId)
 *
 * A supervisor's monitoring leg (monitor-leg.ts) taps a line: input gain + remote bus ─▶ monitor
 * destination (what the supervisor hears), and the supervisor's voice ─▶ "to agent" gain ─▶
 * speaker bus and ─▶ "to customer" gain ─▶ line destination, the two gains set by the mode.
 * A recording (call-recorder.ts) taps the same two points into a destination of its own.
 *
 * Each line has its own pair of paths, so later features (audio cues, supervisor listen, whisper,
 * barge) tap or mix a line here without touching call control. The outgoing track is the line's
 * destination node, which never changes: a microphone switch swaps the source node inside the
 * graph, so the call needs neither renegotiation nor a new sender track.
 */

/**
 * Samples each analyser holds: 4096 is 85 ms at 48 kHz, so the level meter, reading every 100 ms,
 * sees most of the audio instead of the default 43 ms of it.
 */
const TAP_SAMPLES = 4096;

export interface AudioTaps {
  /** What this line sends (after the microphone gain). */
  input: AnalyserNode;
  /** What this line receives (before the speaker). */
  output: AnalyserNode;
}

/**
 * A remote WebRTC track as a WebAudio source. Chromium only feeds a remote track to WebAudio
 * while its stream also plays in a media element, so it plays in a muted one.
 */
function remoteSource(context: AudioContext, track: MediaStreamTrack): { element: HTMLAudioElement; source: MediaStreamAudioSourceNode } {
  const stream = new MediaStream([track]);
  const element = new Audio();
  element.muted = true;
  element.srcObject = stream;
  void element.play().catch(() => undefined);
  return { element, source: context.createMediaStreamSource(stream) };
}

export class LineAudio {
  private source: MediaStreamAudioSourceNode | null = null;
  private readonly inputGain: GainNode;
  readonly inputAnalyser: AnalyserNode;
  private readonly destination: MediaStreamAudioDestinationNode;
  private remote: { element: HTMLAudioElement; source: MediaStreamAudioSourceNode; trackId: string } | null = null;
  /** Where the remote track enters: the speaker path and any monitoring leg both listen here. */
  private readonly remoteBus: GainNode;
  private readonly outputGain: GainNode;
  readonly outputAnalyser: AnalyserNode;
  private monitor: MonitorTap | null = null;
  /** Usually one; a recording stopped a moment ago keeps its tap until its last piece is out. */
  private readonly recordings = new Set<RecordingTap>();

  constructor(
    private readonly context: AudioContext,
    private readonly speakerBus: AudioNode,
    mic: MediaStream,
  ) {
    this.inputGain = context.createGain();
    this.inputAnalyser = context.createAnalyser();
    this.inputAnalyser.fftSize = TAP_SAMPLES;
    this.destination = context.createMediaStreamDestination();
    this.inputGain.connect(this.inputAnalyser).connect(this.destination);
    this.remoteBus = context.createGain();
    this.outputGain = context.createGain();
    this.outputGain.gain.value = 0;
    this.remoteBus.connect(this.outputGain);
    this.outputAnalyser = context.createAnalyser();
    this.outputAnalyser.fftSize = TAP_SAMPLES;
    this.outputGain.connect(this.outputAnalyser).connect(speakerBus);
    this.useMicrophone(mic);
  }

  /** The stream JsSIP sends: the graph's output, not the raw microphone. */
  get outgoingStream(): MediaStream {
    return this.destination.stream;
  }

  get outgoingTrack(): MediaStreamTrack | null {
    return this.destination.stream.getAudioTracks()[0] ?? null;
  }

  useMicrophone(mic: MediaStream): void {
    this.source?.disconnect();
    this.source = this.context.createMediaStreamSource(mic);
    this.source.connect(this.inputGain);
  }

  /** Routes a remote track into the graph (see remoteSource). */
  attachRemote(track: MediaStreamTrack): void {
    if (this.remote?.trackId === track.id) return;
    this.detachRemote();
    const { element, source } = remoteSource(this.context, track);
    source.connect(this.remoteBus);
    this.remote = { element, source, trackId: track.id };
  }

  detachRemote(): void {
    if (!this.remote) return;
    this.remote.source.disconnect();
    this.remote.element.srcObject = null;
    this.remote = null;
  }

  /** Only the line the agent is talking on reaches the speaker; a held line is silent. */
  setAudible(audible: boolean): void {
    this.outputGain.gain.setTargetAtTime(audible ? 1 : 0, this.context.currentTime, 0.015);
  }

  /**
   * Opens a monitoring tap on this line: the stream to send the supervisor (customer and agent
   * mixed) and a way to route the supervisor's voice. One tap per line; a second replaces the first.
   */
  openMonitor(): MonitorTap {
    this.monitor?.close();
    const tap = new MonitorTap(this.context, { agent: this.inputGain, customer: this.remoteBus }, { agent: this.speakerBus, customer: this.destination });
    this.monitor = tap;
    return tap;
  }

  /** Both sides of the call mixed, for a recording: closed by the recording, or with the line. */
  recordingTap(): RecordingTap {
    const tap = new RecordingTap(this.context, { agent: this.inputGain, customer: this.remoteBus }, (closed) => this.recordings.delete(closed));
    this.recordings.add(tap);
    return tap;
  }

  close(): void {
    this.monitor?.close();
    this.monitor = null;
    for (const tap of [...this.recordings]) tap.close();
    this.detachRemote();
    this.source?.disconnect();
    this.source = null;
    this.inputGain.disconnect();
    this.inputAnalyser.disconnect();
    this.outputGain.disconnect();
    this.outputAnalyser.disconnect();
    for (const track of this.destination.stream.getTracks()) track.stop();
  }
}

/**
 * A supervisor's way into one line's audio. `stream` carries customer and agent to the
 * supervisor; the supervisor's voice reaches the agent's speaker and the customer's outgoing audio
 * only as far as `route` opens the two gains (listen: neither; whisper: the agent; barge: both).
 */
export class MonitorTap {
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly feeds: AudioNode[];
  private readonly toAgent: GainNode;
  private readonly toCustomer: GainNode;
  private voice: { element: HTMLAudioElement; source: MediaStreamAudioSourceNode } | null = null;
  private closed = false;

  constructor(
    private readonly context: AudioContext,
    heard: { agent: AudioNode; customer: AudioNode },
    reach: { agent: AudioNode; customer: AudioNode },
  ) {
    this.destination = context.createMediaStreamDestination();
    this.feeds = [heard.agent, heard.customer];
    for (const feed of this.feeds) feed.connect(this.destination);
    this.toAgent = context.createGain();
    this.toAgent.gain.value = 0;
    this.toAgent.connect(reach.agent);
    this.toCustomer = context.createGain();
    this.toCustomer.gain.value = 0;
    // Straight into what the line sends, past the microphone's gain and analyser: the level
    // meter judging the agent's own voice never counts the supervisor's.
    this.toCustomer.connect(reach.customer);
  }

  /** What the monitoring leg sends the supervisor. */
  get stream(): MediaStream {
    return this.destination.stream;
  }

  /** The supervisor's voice, as the leg received it. */
  attachVoice(track: MediaStreamTrack): void {
    if (this.closed) return;
    this.detachVoice();
    const { element, source } = remoteSource(this.context, track);
    source.connect(this.toAgent);
    source.connect(this.toCustomer);
    this.voice = { element, source };
  }

  route(to: { agent: boolean; customer: boolean }): void {
    const at = this.context.currentTime;
    this.toAgent.gain.setTargetAtTime(to.agent ? 1 : 0, at, 0.01);
    this.toCustomer.gain.setTargetAtTime(to.customer ? 1 : 0, at, 0.01);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detachVoice();
    for (const feed of this.feeds) {
      try {
        feed.disconnect(this.destination);
      } catch {
        // Already disconnected when the line closed first.
      }
    }
    this.toAgent.disconnect();
    this.toCustomer.disconnect();
    for (const track of this.destination.stream.getTracks()) track.stop();
  }

  private detachVoice(): void {
    if (!this.voice) return;
    this.voice.source.disconnect();
    this.voice.element.srcObject = null;
    this.voice = null;
  }
}

export interface PhoneAudioOptions {
  inputDeviceId: string | null;
  outputDeviceId: string | null;
  /** Echo cancellation, noise suppression, automatic gain (see PhoneSettings.voiceProcessing). */
  voiceProcessing: boolean;
}

type SinkElement = HTMLAudioElement & { setSinkId?(id: string): Promise<void> };

export class MicrophoneError extends Error {
  constructor(readonly reason: 'denied' | 'missing' | 'failed', cause: unknown) {
    super(`microphone ${reason}`, { cause });
    this.name = 'MicrophoneError';
  }
}

export class PhoneAudio {
  private context: AudioContext | null = null;
  private speaker: { bus: GainNode; destination: MediaStreamAudioDestinationNode; element: SinkElement } | null = null;
  private mic: MediaStream | null = null;
  private micOpening: Promise<MediaStream> | null = null;
  private readonly lines = new Map<LineId, LineAudio>();

  constructor(private options: PhoneAudioOptions) {}

  /** The phone's one AudioContext, created on first use and resumed if the browser suspended it. */
  audioContext(): AudioContext {
    this.context ??= new AudioContext({ latencyHint: 'interactive' });
    if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
    return this.context;
  }

  /** Browsers start audio only after a gesture; any click or key in the console unlocks it. */
  resumeOnGesture(): void {
    if (this.context?.state === 'suspended') void this.context.resume().catch(() => undefined);
  }

  /** Builds the line's graph, opening the microphone if no other line has it open. */
  async openLine(id: LineId): Promise<LineAudio> {
    const existing = this.lines.get(id);
    if (existing) return existing;
    const mic = await this.microphone();
    const again = this.lines.get(id);
    if (again) return again;
    const line = new LineAudio(this.audioContext(), this.speakerBus(), mic);
    this.lines.set(id, line);
    return line;
  }

  line(id: LineId): LineAudio | null {
    return this.lines.get(id) ?? null;
  }

  taps(id: LineId): AudioTaps | null {
    const line = this.lines.get(id);
    return line ? { input: line.inputAnalyser, output: line.outputAnalyser } : null;
  }

  /** Tears the line's graph down; the microphone is released when no line needs it. */
  closeLine(id: LineId): void {
    this.lines.get(id)?.close();
    this.lines.delete(id);
    if (this.lines.size === 0) this.releaseMicrophone();
  }

  /** Switches the microphone for every open line at once (the outgoing tracks stay the same). */
  async setInputDevice(deviceId: string | null): Promise<void> {
    this.options = { ...this.options, inputDeviceId: deviceId };
    await this.reopenMicrophone();
  }

  async setVoiceProcessing(enabled: boolean): Promise<void> {
    this.options = { ...this.options, voiceProcessing: enabled };
    await this.reopenMicrophone();
  }

  /** Plays the calls on another output; throws the browser's error for an unknown device. */
  async setOutputDevice(deviceId: string | null): Promise<void> {
    this.options = { ...this.options, outputDeviceId: deviceId };
    if (this.speaker) await applySink(this.speaker.element, deviceId);
  }

  get outputDeviceId(): string | null {
    return this.options.outputDeviceId;
  }

  get inputDeviceId(): string | null {
    return this.options.inputDeviceId;
  }

  close(): void {
    for (const id of [...this.lines.keys()]) this.closeLine(id);
    this.releaseMicrophone();
    if (this.speaker) {
      this.speaker.element.srcObject = null;
      this.speaker = null;
    }
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private speakerBus(): GainNode {
    if (this.speaker) return this.speaker.bus;
    const context = this.audioContext();
    const bus = context.createGain();
    const destination = context.createMediaStreamDestination();
    bus.connect(destination);
    const element: SinkElement = new Audio();
    element.srcObject = destination.stream;
    void applySink(element, this.options.outputDeviceId).catch(() => undefined);
    void element.play().catch(() => undefined);
    this.speaker = { bus, destination, element };
    return bus;
  }

  private async reopenMicrophone(): Promise<void> {
    if (this.lines.size === 0) return;
    const previous = this.mic;
    this.mic = null;
    const mic = await this.microphone();
    for (const line of this.lines.values()) line.useMicrophone(mic);
    if (previous && previous !== mic) for (const track of previous.getTracks()) track.stop();
  }

  private microphone(): Promise<MediaStream> {
    if (this.mic && this.mic.getAudioTracks().some((t) => t.readyState === 'live')) return Promise.resolve(this.mic);
    this.micOpening ??= openMicrophone(this.options)
      .then((stream) => {
        this.mic = stream;
        return stream;
      })
      .finally(() => {
        this.micOpening = null;
      });
    return this.micOpening;
  }

  private releaseMicrophone(): void {
    for (const track of this.mic?.getTracks() ?? []) track.stop();
    this.mic = null;
  }
}

async function applySink(element: SinkElement, deviceId: string | null): Promise<void> {
  if (typeof element.setSinkId !== 'function') return;
  await element.setSinkId(deviceId ?? '');
}

async function openMicrophone({ inputDeviceId, voiceProcessing }: PhoneAudioOptions): Promise<MediaStream> {
  const audio: MediaTrackConstraints = {
    echoCancellation: voiceProcessing,
    noiseSuppression: voiceProcessing,
    autoGainControl: voiceProcessing,
    ...(inputDeviceId ? { deviceId: { exact: inputDeviceId } } : {}),
  };
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'OverconstrainedError' || name === 'NotFoundError') {
      // The chosen headset is gone: the default microphone beats no call at all.
      if (inputDeviceId) return openMicrophone({ inputDeviceId: null, voiceProcessing, outputDeviceId: null });
      throw new MicrophoneError('missing', error);
    }
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new MicrophoneError('denied', error);
    throw new MicrophoneError('failed', error);
  }
}
