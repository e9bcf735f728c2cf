type SinkElement = HTMLAudioElement & { setSinkId?(id: string): Promise<void> };

/** A ring: two short bursts every three seconds. While on another call: one soft beep. */
const PATTERNS = {
  ring: { period: 3, bursts: [0, 0.45], burstLength: 0.35, level: 0.25, frequencies: [480, 620] },
  waiting: { period: 4, bursts: [0], burstLength: 0.18, level: 0.08, frequencies: [480] },
} as const;

export type RingKind = keyof typeof PATTERNS;

/**
 * The ringtone, synthesized with WebAudio (no sound file to ship or fail to load) and played on
 * the agent's chosen output device through its own <audio> element, so a call rings in the headset
 * the agent wears, not on laptop speakers across the floor.
 */
export class Ringtone {
  private playing: { kind: RingKind; timer: ReturnType<typeof setInterval>; gain: GainNode; oscillators: OscillatorNode[] } | null = null;
  private output: { destination: MediaStreamAudioDestinationNode; element: SinkElement } | null = null;
  private deviceId: string | null = null;

  constructor(private readonly audioContext: () => AudioContext) {}

  start(kind: RingKind): void {
    if (this.playing?.kind === kind) return;
    this.stop();
    const context = this.audioContext();
    const output = this.ensureOutput(context);
    const gain = context.createGain();
    gain.gain.value = 0;
    gain.connect(output.destination);
    const pattern = PATTERNS[kind];
    const oscillators = pattern.frequencies.map((frequency) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
      return oscillator;
    });
    const schedule = () => {
      const now = context.currentTime;
      for (const offset of pattern.bursts) {
        const at = now + offset;
        gain.gain.setTargetAtTime(pattern.level / pattern.frequencies.length, at, 0.01);
        gain.gain.setTargetAtTime(0, at + pattern.burstLength, 0.02);
      }
    };
    schedule();
    this.playing = { kind, timer: setInterval(schedule, pattern.period * 1000), gain, oscillators };
    void output.element.play().catch(() => undefined);
  }

  stop(): void {
    if (!this.playing) return;
    clearInterval(this.playing.timer);
    for (const oscillator of this.playing.oscillators) oscillator.stop();
    this.playing.gain.disconnect();
    this.playing = null;
  }

  get ringing(): RingKind | null {
    return this.playing?.kind ?? null;
  }

  async setOutputDevice(deviceId: string | null): Promise<void> {
    this.deviceId = deviceId;
    if (this.output?.element.setSinkId) await this.output.element.setSinkId(deviceId ?? '');
  }

  private ensureOutput(context: AudioContext): { destination: MediaStreamAudioDestinationNode; element: SinkElement } {
    if (this.output) return this.output;
    const destination = context.createMediaStreamDestination();
    const element: SinkElement = new Audio();
    element.srcObject = destination.stream;
    if (element.setSinkId) void element.setSinkId(this.deviceId ?? '').catch(() => undefined);
    this.output = { destination, element };
    return this.output;
  }
}
