import { useTranslation } from 'react-i18next';
import type { RolePlaySession } from '../../../../shared/api/roleplay';
import { errorKey } from '../../i18n/error-key';
import { RecordingReplay } from '../roleplay/RecordingReplay';
import type { ResultLabels } from '../roleplay/RolePlayResult';
import { useRolePlayProgressStore } from './roleplay-progress-store';

/**
 * The open session's recording, as this pane's store loaded it, with the marks on its timeline.
 * Marks are stamped from the answer and the trainee's console records from the answer, so no offset.
 */
export function ProgressReplay({ session, labels, onTime }: { session: RolePlaySession; labels: ResultLabels; onTime?(atMs: number): void }) {
  const { t } = useTranslation();
  const replay = useRolePlayProgressStore((s) => (s.replay?.sessionId === session.id ? s.replay : null));
  return (
    <RecordingReplay
      audio={replay?.audio ?? null}
      loading={session.recording !== null && (replay === null || replay.loading)}
      error={replay?.error ? t(errorKey(replay.error.code)) : null}
      marks={session.marks}
      offsetMs={0}
      durationMs={session.recording?.durationMs}
      criterionLabel={labels.criterionName}
      levelLabel={labels.levelName}
      onTime={onTime}
    />
  );
}
