import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallboardAgent } from '../../../../shared/api/wallboard';
import type { LiveCall } from '../../../../shared/domain/presence';
import { ElapsedTimer } from '../../ui/ElapsedTimer';
import { triggerLabel } from '../guidance-editor/trigger-label';
import { CallContext } from './CallContext';

/** Where the monitoring buttons (listen, whisper, barge) go for one live call; absent: nothing. */
export type CallActions = (agent: { id: string; name: string }, call: LiveCall) => ReactNode;

/** One agent on the wallboard: status and time in it, live calls, what waits on them. */
export function AgentRow({ agent, callActions }: { agent: WallboardAgent; callActions?: CallActions }) {
  const { t } = useTranslation();
  const status = agent.status === 'unreachable' ? t('wallboard.unreachable') : t(`agentState.states.${agent.status}`);
  return (
    <tr data-testid="wallboard-row" data-agent-id={agent.id} data-status={agent.status} className={`wallboard-row status-${agent.status}`}>
      <th scope="row">{agent.name}</th>
      <td>
        <span className="wallboard-status" data-testid="wallboard-status">
          {status}
        </span>
        {agent.status === 'unreachable' && agent.lastState && (
          <span className="muted"> {t('wallboard.lastKnown', { state: t(`agentState.states.${agent.lastState}`) })}</span>
        )}
        <Attendance adherence={agent.adherence} />
      </td>
      <td>{agent.since && <ElapsedTimer from={Date.parse(agent.since)} testId="wallboard-since" />}</td>
      <td>
        {agent.calls.length === 0 ? (
          <span className="muted">{t('wallboard.noCalls')}</span>
        ) : (
          <ul className="wallboard-calls">
            {agent.calls.map((call) => (
              <CallItem key={call.callId} agent={agent} call={call} callActions={callActions} />
            ))}
          </ul>
        )}
      </td>
      <td>
        {agent.openEscalations > 0 && <p data-testid="wallboard-escalations">{t('wallboard.escalationsOpen', { count: agent.openEscalations })}</p>}
        {agent.callbacksDue > 0 && <p data-testid="wallboard-callbacks">{t('wallboard.callbacksDue', { count: agent.callbacksDue })}</p>}
      </td>
    </tr>
  );
}

function CallItem({ agent, call, callActions }: { agent: WallboardAgent; call: LiveCall; callActions?: CallActions }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className="wallboard-call" data-testid="wallboard-call" data-call-id={call.callId}>
      <span className="wallboard-line">{t('wallboard.line', { line: call.line })}</span>{' '}
      <span>{call.customerName ?? t('wallboard.unknownCustomer')}</span>{' '}
      <span className="muted">{t(`wallboard.direction.${call.direction}`)}</span>{' '}
      <ElapsedTimer from={Date.parse(call.answeredAt ?? call.startedAt)} testId="wallboard-call-time" />
      {call.onHold && <span className="wallboard-hold"> {t('wallboard.onHold')}</span>}
      {call.triggers.length > 0 && (
        <span className="wallboard-triggers" data-testid="wallboard-triggers">
          {' '}
          {t('wallboard.triggers')}: {[...new Set(call.triggers.map((fired) => fired.trigger))].map((trigger) => triggerLabel(t, trigger)).join(', ')}
        </span>
      )}
      {/* The monitoring buttons (listen, whisper, barge) for this call, when the workspace gives them. */}
      {callActions && <span className="wallboard-call-actions">{callActions({ id: agent.id, name: agent.name }, call)}</span>}{' '}
      <button type="button" className="button-quiet" aria-expanded={open} data-testid="wallboard-call-details" onClick={() => setOpen(!open)}>
        {t('wallboard.context.toggle')}
      </button>
      {open && <CallContext call={call} />}
    </li>
  );
}

/** Against today's schedule: adherence so far (flagged when out of it now) and minutes late. */
function Attendance({ adherence }: { adherence: WallboardAgent['adherence'] }) {
  const { t } = useTranslation();
  if (!adherence || (adherence.percent === null && !adherence.lateMinutes)) return null;
  return (
    <p className="wallboard-attendance" data-testid="wallboard-attendance" data-in-adherence={String(adherence.inAdherence)}>
      {adherence.percent !== null && <span data-testid="wallboard-adherence">{t('schedules.wallboard.adherence', { percent: adherence.percent })}</span>}
      {adherence.inAdherence === false && <span className="wallboard-out-of-adherence"> · {t('schedules.wallboard.outOfAdherence')}</span>}
      {adherence.lateMinutes !== null && adherence.lateMinutes > 0 && (
        <span className="wallboard-late" data-testid="wallboard-late">
          {' '}
          · {t('schedules.wallboard.late', { minutes: adherence.lateMinutes })}
        </span>
      )}
    </p>
  );
}
