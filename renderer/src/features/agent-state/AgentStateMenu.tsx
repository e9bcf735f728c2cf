import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOSEN_STATES, ChosenAgentState } from '../../../../shared/domain/agent-state';
import { errorKey } from '../../i18n/error-key';
import { ElapsedTimer } from '../../ui/ElapsedTimer';
import { useAgentStateStore } from './agent-state-store';
import './agent-state.css';

/**
 * The agent's state in the header: what it is, for how long, and the menu to change it. Away
 * states take an optional reason. `on_call` and `after_call_work` are set by the console; while
 * in them the menu still lets the agent pick what comes next.
 */
export function AgentStateMenu() {
  const { t } = useTranslation();
  const current = useAgentStateStore((s) => s.current);
  const saving = useAgentStateStore((s) => s.saving);
  const error = useAgentStateStore((s) => s.error);
  const start = useAgentStateStore((s) => s.start);
  const choose = useAgentStateStore((s) => s.choose);
  const selectId = useId();

  useEffect(() => start(), [start]);

  if (!current) return null;
  const chosen = ChosenAgentState.safeParse(current.state);

  return (
    <div className="agent-state" data-testid="agent-state" data-state={current.state}>
      <span className={`agent-state-dot agent-state-dot-${current.state}`} aria-hidden="true" />
      <label htmlFor={selectId} className="visually-hidden">
        {t('agentState.label')}
      </label>
      <select
        id={selectId}
        className="field field-inline"
        data-testid="agent-state-select"
        value={current.state}
        disabled={saving}
        onChange={(event) => {
          const next = ChosenAgentState.safeParse(event.target.value);
          if (next.success) void choose(next.data);
        }}
      >
        {!chosen.success && (
          <option value={current.state} disabled>
            {t(`agentState.states.${current.state}`)}
          </option>
        )}
        {CHOSEN_STATES.map((state) => (
          <option key={state} value={state}>
            {t(`agentState.states.${state}`)}
          </option>
        ))}
      </select>
      <span className="agent-state-duration" role="timer" aria-label={t('agentState.since')}>
        <ElapsedTimer from={Date.parse(current.at)} testId="agent-state-duration" />
      </span>
      {chosen.success && chosen.data !== 'available' && (
        // Keyed by the change: a new state starts with its own reason, not the last one typed.
        <ReasonForm key={current.id} state={chosen.data} saved={current.reason ?? ''} />
      )}
      {error && (
        <span className="alert alert-error" role="alert">
          {t(errorKey(error))}
        </span>
      )}
    </div>
  );
}

function ReasonForm({ state, saved }: { state: ChosenAgentState; saved: string }) {
  const { t } = useTranslation();
  const saving = useAgentStateStore((s) => s.saving);
  const choose = useAgentStateStore((s) => s.choose);
  const reasonId = useId();
  const [reason, setReason] = useState(saved);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void choose(state, reason);
  };

  return (
    <form className="agent-state-reason" onSubmit={submit}>
      <label htmlFor={reasonId} className="visually-hidden">
        {t('agentState.reason')}
      </label>
      <input
        id={reasonId}
        className="field field-inline"
        data-testid="agent-state-reason"
        value={reason}
        maxLength={200}
        placeholder={t('agentState.reason')}
        onChange={(event) => setReason(event.target.value)}
      />
      <button type="submit" className="button button-quiet button-small" disabled={saving || reason.trim() === saved}>
        {t('agentState.saveReason')}
      </button>
    </form>
  );
}
