import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolePlaySession } from '../../../../shared/api/roleplay';
import { errorKey } from '../../i18n/error-key';
import { RecordingReplay } from './RecordingReplay';
import { useRolePlayStore } from './roleplay-store';

/**
 * A session's recording with the trainer's marks on it: this machine's copy, else the server's.
 * The trainee's console starts recording as the call is answered, so the marks (stamped from the
 * answer) sit on the recording's own time.
 */
export function SessionReplay({
  session,
  criterionName,
  levelName,
}: {
  session: RolePlaySession;
  criterionName(id: string): string;
  levelName(criterionId: string, levelId: string): string;
}) {
  const { t } = useTranslation();
  const replay = useRolePlayStore((s) => (s.replay?.sessionId === session.id ? s.replay : null));
  useEffect(() => {
    void useRolePlayStore.getState().loadReplay(session.id);
  }, [session.id]);
  return (
    <RecordingReplay
      audio={replay?.audio ?? null}
      loading={replay === null || replay.loading}
      error={replay?.error ? t(errorKey(replay.error.code)) : null}
      marks={session.marks}
      offsetMs={0}
      durationMs={session.recording?.durationMs}
      criterionLabel={criterionName}
      levelLabel={levelName}
    />
  );
}
