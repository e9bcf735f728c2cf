import { useEffect } from 'react';
import type { RolePlaySession } from '../../../../shared/api/roleplay';
import { useRolePlayStore } from './roleplay-store';

/** Loads the session's recording (this machine's copy, else the server's) for the replay. */
export function SessionReplay({
  session,
  criterionName,
  levelName,
}: {
  session: RolePlaySession;
  criterionName(id: string): string;
  levelName(criterionId: string, levelId: string): string;
}) {
  const replay = useRolePlayStore((s) => (s.replay?.sessionId === session.id ? s.replay : null));
  useEffect(() => {
    void useRolePlayStore.getState().loadReplay(session.id);
  }, [session.id]);
  void criterionName;
  void levelName;
  return <div data-testid="roleplay-replay-slot" data-loaded={replay?.audio ? 'true' : 'false'} />;
}
