import { useTranslation } from 'react-i18next';
import { ElapsedTimer } from '../../ui/ElapsedTimer';
import { useAgentStateStore } from './agent-state-store';

/** The agent's state and how long they have been in it, for the status bar (wrap-up time included). */
export function AgentStateItem() {
  const { t } = useTranslation();
  const current = useAgentStateStore((s) => s.current);
  if (!current) return null;
  return (
    <span className="status-item" data-testid="status-agent" data-state={current.state}>
      <span className={`agent-state-dot agent-state-dot-${current.state}`} aria-hidden="true" />
      {t(`agentState.states.${current.state}`)} <ElapsedTimer from={Date.parse(current.at)} testId="status-agent-duration" />
    </span>
  );
}
