import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricMark } from '../../../../shared/roleplay/scoring';
import { elapsed } from '../../ui/ElapsedTimer';
import { passedMark, placeMarks, recordingBlob, timelinePercent } from './recording-timeline';
import './roleplay.css';

export interface RecordingReplayProps {
  audio: { mimeType: string; audioBase64: string } | null;
  loading: boolean;
  /** Why the recording could not be had, already in the reader's words. */
  error: string | null;
  marks: RubricMark[];
  /** When recording started, in ms after the call was answered: moves the marks into the recording's time. */
  offsetMs: number;
  /**
   * The recording's length as the recorder measured it. A browser's own recordings carry no length
   * in their header, so without this the player finds it by seeking to the end once.
   */
  durationMs?: number;
  criterionLabel(criterionId: string): string;
  levelLabel(criterionId: string, levelId: string): string;
  /** Where playback is, in ms into the recording: a trainer reviewing a peer session marks at it. */
  onTime?(atMs: number): void;
}

/** Listening back to a role-play session, with the trainer's marks on a timeline and in a list. */
export function RecordingReplay({ audio, loading, error, marks, offsetMs, durationMs, criterionLabel, levelLabel, onTime }: RecordingReplayProps) {
  const { t } = useTranslation();
  const player = useRef<HTMLAudioElement>(null);
  const headingId = useId();
  // A Blob URL for the element, revoked when the recording changes or the replay closes. The
  // element is not there while loading or failed, so those bring it back with its source.
  useEffect(() => {
    const element = player.current;
    if (!element || !audio) return;
    const url = URL.createObjectURL(recordingBlob(audio));
    element.setAttribute('src', url);
    return () => {
      element.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [audio, loading, error]);
  const measuring = useRef(false);
  const [mediaMs, setMediaMs] = useState<number | null>(null);
  const [nowMs, setNowMs] = useState(0);
  const placed = useMemo(() => placeMarks(marks, offsetMs), [marks, offsetMs]);

  if (loading) return <p role="status" data-testid="replay-loading">{t('roleplay.replay.loading')}</p>;
  if (error !== null) {
    return (
      <p className="alert alert-error" role="alert" data-testid="replay-error">
        {t('roleplay.replay.failed', { reason: error })}
      </p>
    );
  }
  if (!audio) return <p data-testid="replay-none">{t('roleplay.replay.none')}</p>;

  const totalMs = mediaMs ?? durationMs ?? null;
  const current = passedMark(placed, nowMs);
  const seek = (atMs: number) => {
    const element = player.current;
    if (!element) return;
    element.currentTime = atMs / 1000;
    setNowMs(atMs);
    onTime?.(atMs);
    void element.play()?.catch(() => undefined);
  };
  const onMetadata = () => {
    const element = player.current;
    if (!element) return;
    if (Number.isFinite(element.duration)) setMediaMs(element.duration * 1000);
    else if (durationMs === undefined) {
      // Seeking far past the end makes the browser read the whole file and learn its length.
      measuring.current = true;
      element.currentTime = Number.MAX_SAFE_INTEGER;
    }
  };
  const onDurationChange = () => {
    const element = player.current;
    if (!element || !Number.isFinite(element.duration)) return;
    setMediaMs(element.duration * 1000);
    if (measuring.current) {
      measuring.current = false;
      element.currentTime = 0;
    }
  };
  const label = (at: number, { criterionId, levelId }: RubricMark) =>
    t('roleplay.replay.mark', { time: elapsed(at), criterion: criterionLabel(criterionId), level: levelLabel(criterionId, levelId) });

  return (
    <section className="recording-replay" aria-labelledby={headingId} data-testid="recording-replay">
      <h3 id={headingId}>{t('roleplay.replay.heading')}</h3>
      <audio
        ref={player}
        controls
        preload="metadata"
        aria-label={t('roleplay.replay.player')}
        data-testid="replay-audio"
        onLoadStart={() => {
          setMediaMs(null);
          setNowMs(0);
          onTime?.(0);
        }}
        onLoadedMetadata={onMetadata}
        onDurationChange={onDurationChange}
        onTimeUpdate={(event) => {
          if (measuring.current) return;
          setNowMs(event.currentTarget.currentTime * 1000);
          onTime?.(event.currentTarget.currentTime * 1000);
        }}
      />
      {totalMs !== null && placed.length > 0 && (
        // The list below is how keyboards and screen readers reach the marks; this is the picture of it.
        <div className="replay-timeline" aria-hidden="true" data-testid="replay-timeline">
          {placed.map(({ mark, atMs }, index) => (
            <button
              key={index}
              type="button"
              tabIndex={-1}
              className={index === current ? 'replay-mark replay-mark-current' : 'replay-mark'}
              style={{ left: `${timelinePercent(atMs, totalMs)}%` }}
              title={label(atMs, mark)}
              data-testid="replay-mark"
              data-current={index === current}
              onClick={() => seek(atMs)}
            />
          ))}
        </div>
      )}
      <h4>{t('roleplay.replay.marks')}</h4>
      {placed.length === 0 ? (
        <p data-testid="replay-no-marks">{t('roleplay.replay.noMarks')}</p>
      ) : (
        <ol className="replay-marks" data-testid="replay-mark-list">
          {placed.map(({ mark, atMs }, index) => (
            <li key={index} aria-current={index === current ? 'true' : undefined} data-testid="replay-mark-item">
              <button type="button" className="button-secondary" aria-label={t('roleplay.replay.playFrom', { time: elapsed(atMs) })} onClick={() => seek(atMs)}>
                {elapsed(atMs)}
              </button>{' '}
              <span>{t('roleplay.replay.graded', { criterion: criterionLabel(mark.criterionId), level: levelLabel(mark.criterionId, mark.levelId) })}</span>
              {mark.note && <span className="replay-mark-note"> {mark.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
