import { useTranslation } from 'react-i18next';
import type { AgentStateName } from '../../../../shared/domain/agent-state';
import { ElapsedTimer } from '../../ui/ElapsedTimer';
import { ShiftToday } from '../schedules/ShiftToday';
import { useAgentStateStore } from './agent-state-store';
import { Countdown } from './Countdown';

/**
 * The agent's state and how long they have been in it, for the status bar (wrap-up time included).
 * A recovery pause counts down instead: what matters is when the agent is back on the queue.
 * Beside it, the agent's shift today and the next break (features/schedules/).
 */
export function AgentStateItem() {
  const current = useAgentStateStore((s) => s.current);
  const recoveryEndsAt = useAgentStateStore((s) => s.recoveryEndsAt);
  return (
    <>
      {current && <StateNow state={current.state} at={current.at} recoveryEndsAt={recoveryEndsAt} />}
      <ShiftToday />
    </>
  );
}

function StateNow({ state, at, recoveryEndsAt }: { state: AgentStateName; at: string; recoveryEndsAt: number | null }) {
  const { t } = useTranslation();
  const current = { state, at };
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
