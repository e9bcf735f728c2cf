import { LEVEL_FLOOR_DB, LEVEL_FRAME_MS, rmsDbfs } from '../../../../../shared/guidance/audio-cues';
import type { LineId, PhoneEvent } from '../../../../../shared/phone/phone-protocol';
import type { AudioTaps } from './phone-audio';

/** The line whose levels are measured: the one the agent is talking on. */
export interface MeteredLine {
  line: LineId;
  taps: AudioTaps;
  muted: boolean;
}

/**
 * Reads the active line's two analysers every LEVEL_FRAME_MS and reports their RMS level as a
 * `levels` event. An analyser polled on a timer needs no AudioWorklet module (which the CSP's
 * `script-src 'self'` would allow, but which costs a module load and a thread hop for ten numbers a
 * second). The timer runs only while a call is active; one sample buffer is reused, so a frame
 * allocates nothing but the event itself.
 */
export class LevelMeter {
  private timer: ReturnType<typeof setInterval> | undefined;
  private samples = new Float32Array(0);

  constructor(
    private readonly metered: () => MeteredLine | null,
    private readonly emit: (event: PhoneEvent) => void,
  ) {}

  /** Called whenever a line changes: starts or stops the timer. */
  update(): void {
    const active = this.metered() !== null;
    if (active && this.timer === undefined) this.timer = setInterval(() => this.read(), LEVEL_FRAME_MS);
    if (!active) this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private read(): void {
    const source = this.metered();
    if (!source) {
      this.stop();
      return;
    }
    const remoteDb = this.levelOf(source.taps.output);
    const localDb = source.muted ? LEVEL_FLOOR_DB : this.levelOf(source.taps.input);
    this.emit({ type: 'levels', line: source.line, remoteDb, localDb, at: Date.now() });
  }

  private levelOf(analyser: AnalyserNode): number {
    if (this.samples.length !== analyser.fftSize) this.samples = new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(this.samples);
    return Math.round(rmsDbfs(this.samples) * 10) / 10;
  }
}
