/**
 * Recording both sides of a call (a role-play session the trainee agreed to record).
 *
 *   input gain ─▶ agent gain ─┐
 *   remote bus ───────────────┴─▶ recording destination ─▶ MediaRecorder (webm/opus)
 *
 * The tap listens where the monitoring tap does (phone-audio.ts): after the microphone's gain,
 * and where the remote track enters. The agent's side is silenced while the line is muted or on
 * hold, so the recording holds what the other side heard, not what the trainee said off the call.
 */

export const RECORDING_MIME_TYPE = 'audio/webm;codecs=opus';
/** Speech in mono opus is clear at 32 kbit/s: an hour is about 14 MB. */
const BITS_PER_SECOND = 32_000;
/** The recorder hands over a piece each second, so a long call is never one huge buffer in the encoder. */
const SLICE_MS = 1_000;

export class RecordingTap {
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly agentGain: GainNode;
  private closed = false;

  constructor(
    private readonly context: AudioContext,
    private readonly heard: { agent: AudioNode; customer: AudioNode },
    private readonly onClose: (tap: RecordingTap) => void,
  ) {
    this.destination = context.createMediaStreamDestination();
    // One voice channel is what a phone call has; stereo would halve the bits each side gets.
    this.destination.channelCount = 1;
    this.agentGain = context.createGain();
    heard.agent.connect(this.agentGain).connect(this.destination);
    heard.customer.connect(this.destination);
  }

  get stream(): MediaStream {
    return this.destination.stream;
  }

  /** Whether the other side hears the agent now (not muted, not held). */
  hearAgent(heard: boolean): void {
    if (this.closed) return;
    this.agentGain.gain.setTargetAtTime(heard ? 1 : 0, this.context.currentTime, 0.01);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [feed, to] of [
      [this.heard.agent, this.agentGain],
      [this.heard.customer, this.destination],
    ] as const) {
      try {
        feed.disconnect(to);
      } catch {
        // Already disconnected when the line's graph was torn down first.
      }
    }
    this.agentGain.disconnect();
    for (const track of this.destination.stream.getTracks()) track.stop();
    this.onClose(this);
  }
}

export interface RecordedAudio {
  mimeType: string;
  audioBase64: string;
  durationMs: number;
  /** ms since the epoch. */
  startedAt: number;
}

/**
 * One recording: starts when made, and `stop()` resolves with the audio once the recorder has
 * handed over its last piece. The tap is closed only then, so stopping never cuts the last second.
 * If the recorder stops by itself (its tracks ended), `stop()` still resolves with what it has.
 */
export class CallRecorder {
  readonly startedAt = Date.now();
  private readonly recorder: MediaRecorder;
  private readonly chunks: Blob[] = [];
  private readonly done: Promise<RecordedAudio>;
  private began: number | null = null;

  constructor(private readonly tap: RecordingTap) {
    this.recorder = new MediaRecorder(tap.stream, { mimeType: RECORDING_MIME_TYPE, audioBitsPerSecond: BITS_PER_SECOND });
    this.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) this.chunks.push(event.data);
    });
    this.recorder.addEventListener('start', () => {
      this.began = performance.now();
    });
    this.done = new Promise<RecordedAudio>((resolve, reject) => {
      this.recorder.addEventListener('stop', () => {
        const durationMs = this.began === null ? 0 : Math.max(0, Math.round(performance.now() - this.began));
        this.tap.close();
        const mimeType = this.recorder.mimeType || RECORDING_MIME_TYPE;
        base64Of(new Blob(this.chunks, { type: mimeType })).then(
          (audioBase64) => resolve({ mimeType, audioBase64, durationMs, startedAt: this.startedAt }),
          reject,
        );
      });
      this.recorder.addEventListener('error', (event) => {
        this.tap.close();
        reject((event as ErrorEvent).error ?? new Error('recording failed'));
      });
    });
    // Whoever stops the recording reports a failure; until then nobody is waiting on it.
    this.done.catch(() => undefined);
    this.recorder.start(SLICE_MS);
  }

  hearAgent(heard: boolean): void {
    this.tap.hearAgent(heard);
  }

  stop(): Promise<RecordedAudio> {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    return this.done;
  }
}

/** The browser's own encoder (a data: URL) is far faster than building a string byte by byte. */
function base64Of(blob: Blob): Promise<string> {
  if (blob.size === 0) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the recording'));
    reader.readAsDataURL(blob);
  });
}
