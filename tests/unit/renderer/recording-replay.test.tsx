// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordingReplay, type RecordingReplayProps } from '../../../renderer/src/features/roleplay/RecordingReplay';
import { switchUiLanguage } from '../../../renderer/src/i18n/i18n';
import { byTestId, cleanup, click, render } from './support/dom';

/**
 * A trainer and trainee listening back to a session: the trainer's marks sit where they were
 * given, a click plays from there, and the list says the same for keyboards and screen readers.
 * jsdom plays no audio, so the element's clock is moved by hand.
 */

const audio = { mimeType: 'audio/webm;codecs=opus', audioBase64: btoa('webm bytes') };
const criteria: Record<string, string> = { greet: 'Greeting', empathy: 'Empathy', close: 'Closing' };
const levels: Record<string, string> = { good: 'Good', fair: 'Fair' };

// Recording started 5 s after the answer; it is 60 s long.
const props = (extra: Partial<RecordingReplayProps> = {}): RecordingReplayProps => ({
  audio,
  loading: false,
  error: null,
  marks: [
    { criterionId: 'empathy', levelId: 'fair', atMs: 35_000, note: 'Rushed the apology' },
    { criterionId: 'greet', levelId: 'good', atMs: 15_000 },
    { criterionId: 'close', levelId: 'good', atMs: 70_000 },
  ],
  offsetMs: 5_000,
  durationMs: 60_000,
  criterionLabel: (id) => criteria[id] ?? id,
  levelLabel: (_criterion, level) => levels[level] ?? level,
  ...extra,
});

const marks = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>('[data-testid="replay-mark"]')];
const items = (root: HTMLElement) => [...root.querySelectorAll<HTMLLIElement>('[data-testid="replay-mark-item"]')];
const player = (root: HTMLElement) => byTestId<HTMLAudioElement>(root, 'replay-audio');

let play: ReturnType<typeof vi.fn>;

beforeAll(async () => {
  await switchUiLanguage('en');
});

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:recording-1');
  URL.revokeObjectURL = vi.fn();
  play = vi.fn(() => Promise.resolve());
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(play as unknown as () => Promise<void>);
});

afterEach(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

describe('listening back to a role-play recording', () => {
  it('plays the recording from a Blob URL, revoked when the replay closes', async () => {
    const root = await render(<RecordingReplay {...props()} />);
    expect(player(root).getAttribute('src')).toBe('blob:recording-1');
    expect(URL.createObjectURL).toHaveBeenCalledWith(expect.objectContaining({ type: 'audio/webm;codecs=opus' }));
    await cleanup();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:recording-1');
  });

  it('places each mark where it was given, moved back by when recording started', async () => {
    const root = await render(<RecordingReplay {...props()} />);
    // 15 s after the answer is 10 s into the recording: 1/6 of 60 s; 35 s is 30 s: half; 70 s is past its end.
    expect(marks(root).map((m) => parseFloat(m.style.left))).toEqual([10 / 0.6, 50, 100]);
    expect(marks(root)[0]!.title).toBe('00:10 Greeting: Good');
  });

  it('lists the marks with their time in the recording, criterion, level and note', async () => {
    const root = await render(<RecordingReplay {...props()} />);
    expect(items(root).map((li) => li.textContent)).toEqual([
      '00:10 Greeting: Good',
      '00:30 Empathy: Fair Rushed the apology',
      '01:05 Closing: Good',
    ]);
    expect(items(root)[1]!.querySelector('button')!.getAttribute('aria-label')).toBe('Play from 00:30');
  });

  it('plays from a mark when it is clicked, on the timeline or in the list, and highlights it', async () => {
    const root = await render(<RecordingReplay {...props()} />);
    await click(marks(root)[1]!);
    expect(player(root).currentTime).toBe(30);
    expect(play).toHaveBeenCalledTimes(1);
    expect(marks(root).map((m) => m.dataset.current)).toEqual(['false', 'true', 'false']);
    expect(items(root)[1]!.getAttribute('aria-current')).toBe('true');

    await click(items(root)[0]!.querySelector('button')!);
    expect(player(root).currentTime).toBe(10);
    expect(play).toHaveBeenCalledTimes(2);
    expect(items(root)[0]!.getAttribute('aria-current')).toBe('true');
  });

  it('highlights the last mark playback passed as it plays', async () => {
    const root = await render(<RecordingReplay {...props()} />);
    expect(marks(root).some((m) => m.dataset.current === 'true')).toBe(false);
    const element = player(root);
    await act(async () => {
      element.currentTime = 31;
      element.dispatchEvent(new Event('timeupdate'));
    });
    expect(marks(root).map((m) => m.dataset.current)).toEqual(['false', 'true', 'false']);
    await act(async () => {
      element.currentTime = 12;
      element.dispatchEvent(new Event('timeupdate'));
    });
    expect(marks(root).map((m) => m.dataset.current)).toEqual(['true', 'false', 'false']);
  });

  it('takes the length from the player when it knows it', async () => {
    const root = await render(<RecordingReplay {...props({ durationMs: undefined })} />);
    expect(root.querySelector('[data-testid="replay-timeline"]')).toBeNull();
    const element = player(root);
    Object.defineProperty(element, 'duration', { configurable: true, value: 40 });
    await act(async () => element.dispatchEvent(new Event('loadedmetadata')));
    expect(marks(root).map((m) => parseFloat(m.style.left))).toEqual([25, 75, 100]);
  });

  it('says when the recording is loading, missing or failed, and when no marks were given', async () => {
    const root = await render(<RecordingReplay {...props({ audio: null, loading: true })} />);
    expect(byTestId(root, 'replay-loading').textContent).toBe('Loading the recording…');
    const failed = await render(<RecordingReplay {...props({ audio: null, error: 'The server is not reachable.' })} />);
    expect(byTestId(failed, 'replay-error').textContent).toBe('The recording could not be loaded: The server is not reachable.');
    const none = await render(<RecordingReplay {...props({ audio: null })} />);
    expect(byTestId(none, 'replay-none').textContent).toBe('This session has no recording.');
    const unmarked = await render(<RecordingReplay {...props({ marks: [] })} />);
    expect(byTestId(unmarked, 'replay-no-marks').textContent).toBe('No marks were given on this call.');
  });
});
