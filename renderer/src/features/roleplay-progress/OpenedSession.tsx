import { useTranslation } from 'react-i18next';
import type { RolePlaySession } from '../../../../shared/api/roleplay';
import { RolePlayResult } from '../roleplay/RolePlayResult';
import { PeerReview } from './PeerReview';
import { ProgressReplay } from './ProgressReplay';
import { waitsForReview } from './session-filter';
import { useRolePlayProgressStore } from './roleplay-progress-store';

/** One session from the list: its result to read or, for a trainer, peer practice to review. */
export function OpenedSession({ session, trainer }: { session: RolePlaySession; trainer: boolean }) {
  const { t } = useTranslation();
  // The version the session was played in may be older; its criteria keep their ids, so the current one names them.
  const scenario = useRolePlayProgressStore((s) => s.scenarios.find((each) => each.id === session.scenarioId) ?? null);
  return (
    <div className="roleplay-progress-opened" data-testid="roleplay-progress-opened" data-session-id={session.id}>
      <button type="button" className="button-secondary" data-testid="roleplay-progress-back" onClick={() => useRolePlayProgressStore.getState().close()}>
        {t('roleplayProgress.back')}
      </button>
      {trainer && waitsForReview(session) ? (
        <PeerReview session={session} scenario={scenario} />
      ) : (
        <RolePlayResult session={session} scenario={scenario} renderReplay={(labels) => <ProgressReplay session={session} labels={labels} />} />
      )}
    </div>
  );
}
