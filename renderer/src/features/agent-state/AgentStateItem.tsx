import { useTranslation } from 'react-i18next';
import { ElapsedTimer } from '../../ui/ElapsedTimer';
import { useAgentStateStore } from './agent-state-store';
import { Countdown } from './Countdown';

/**
 * The agent's state and how long they have been in it, for the status bar (wrap-up time included).
 * A recovery pause counts down instead: what matters is when the agent is back on the queue.
 */
export function AgentStateItem() {
  const { t } = useTranslation();
  const current = useAgentStateStore((s) => s.current);
  const recoveryEndsAt = useAgentStateStore((s) => s.recoveryEndsAt);
  if (!current) return null;
  return (
    <span className="status-item" data-testid="status-agent" data-state={current.state}>
      <span className={`agent-state-dot agent-state-dot-${current.state}`} aria-hidden="true" />
      {t(`agentState.states.${current.state}`)}{' '}
      {current.state === 'recovery' && recoveryEndsAt !== null ? (
        <Countdown until={recoveryEndsAt} testId="status-agent-recovery-left" />
      ) : (
        <ElapsedTimer from={Date.parse(current.at)} testId="status-agent-duration" />
      )}
    </span>
  );
}
