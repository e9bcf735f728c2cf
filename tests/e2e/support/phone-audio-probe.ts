import type { Page } from '@playwright/test';

/**
 * What a party really receives, measured black-box: an init script wraps RTCPeerConnection to
 * keep every remote audio track, and `levels()` runs each live one through an AnalyserNode
 * (the stream also plays in a muted <audio>, without which Chromium feeds WebAudio silence).
 * The result is the loudest level, in dBFS, at each asked frequency over all live tracks:
 * a received tone measures about -20 dBFS, an absent one below -52.
 */
export async function installAudioProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const tracks: MediaStreamTrack[] = [];
    // Streams handed to an element that is not muted: what the page plays out loud (the speaker).
    const played: MediaStreamTrack[] = [];
    (window as unknown as { __kalmaProbe: unknown }).__kalmaProbe = { tracks, played };
    const source = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
    if (source?.set && source.get) {
      const set = source.set;
      Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
        ...source,
        set(this: HTMLMediaElement, value: MediaProvider | null) {
          set.call(this, value);
          if (value instanceof MediaStream && !this.muted) played.push(...value.getAudioTracks());
        },
      });
    }
    class ProbedPeerConnection extends Native {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        this.addEventListener('track', (event) => {
          if (event.track.kind === 'audio') tracks.push(event.track);
        });
      }
    }
    window.RTCPeerConnection = ProbedPeerConnection;
    // RFC 4733 tones leave through the sender's RTCDTMFSender; nothing on the receiving browser
    // can see them, so the sending side records what it handed to WebRTC.
    const sentDtmf: string[] = [];
    (window as unknown as { __kalmaDtmf: string[] }).__kalmaDtmf = sentDtmf;
    const insert = RTCDTMFSender.prototype.insertDTMF;
    RTCDTMFSender.prototype.insertDTMF = function (tones: string, duration?: number, gap?: number) {
      sentDtmf.push(tones);
      return insert.call(this, tones, duration, gap);
    };
  });
}

/** The tones this party's browser handed to WebRTC as RFC 4733 telephone events. */
export function rtpDtmfSent(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __kalmaDtmf: string[] }).__kalmaDtmf.join(''));
}

/**
 * The loudest level (dBFS) at each frequency over `windowMs`, across the party's live remote tracks
 * (`remote`, what arrives) or the streams its page plays unmuted (`speaker`, what the person hears).
 */
export function levels(page: Page, frequencies: readonly number[], windowMs = 400, from: 'remote' | 'speaker' = 'remote'): Promise<Record<number, number>> {
  return page.evaluate(
    async ({ frequencies, windowMs, from }) => {
      interface Tap {
        analyser: AnalyserNode;
        element: HTMLAudioElement;
      }
      const probe = (
        window as unknown as {
          __kalmaProbe: { tracks: MediaStreamTrack[]; played: MediaStreamTrack[]; context?: AudioContext; taps?: Map<string, Tap>; speakerTaps?: Map<string, Tap> };
        }
      ).__kalmaProbe;
      probe.context ??= new AudioContext();
      probe.taps ??= new Map();
      probe.speakerTaps ??= new Map();
      const context = probe.context;
      if (context.state !== 'running') await context.resume();
      const taps = from === 'remote' ? probe.taps : probe.speakerTaps;
      const result: Record<number, number> = Object.fromEntries(frequencies.map((f) => [f, -200]));
      const live = (from === 'remote' ? probe.tracks : probe.played).filter((track) => track.readyState === 'live');
      for (const [id, tap] of taps) {
        if (!live.some((track) => track.id === id)) {
          tap.element.srcObject = null;
          taps.delete(id);
        }
      }
      for (const track of live) {
        if (taps.has(track.id)) continue;
        const stream = new MediaStream([track]);
        const element = new Audio();
        element.muted = true;
        element.srcObject = stream;
        void element.play().catch(() => undefined);
        const analyser = context.createAnalyser();
        analyser.fftSize = 8192;
        analyser.smoothingTimeConstant = 0;
        context.createMediaStreamSource(stream).connect(analyser);
        taps.set(track.id, { analyser, element });
      }
      const deadline = performance.now() + windowMs;
      do {
        for (const { analyser } of taps.values()) {
          const data = new Float32Array(analyser.frequencyBinCount);
          analyser.getFloatFrequencyData(data);
          const binHz = context.sampleRate / analyser.fftSize;
          for (const frequency of frequencies) {
            const bin = Math.round(frequency / binHz);
            for (let k = bin - 3; k <= bin + 3; k += 1) {
              const value = data[k] ?? -200;
              if (Number.isFinite(value) && value > (result[frequency] ?? -200)) result[frequency] = value;
            }
          }
        }
        await new Promise((next) => setTimeout(next, 100));
      } while (performance.now() < deadline);
      return result;
    },
    { frequencies: [...frequencies], windowMs, from },
  );
}
