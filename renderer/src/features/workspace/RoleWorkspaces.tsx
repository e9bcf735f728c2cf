import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PaneBoundary } from '../../ui/PaneBoundary';
import { AgentStateItem } from '../agent-state/AgentStateItem';
import { RecoveryPause } from '../agent-state/RecoveryPause';
import { CallbacksPane } from '../callbacks/CallbacksPane';
import { CustomerPane } from '../customers/CustomerPane';
import { EscalationQueue } from '../escalations/EscalationQueue';
import { GuidancePanel } from '../guidance/GuidancePanel';
import { GuidanceEditor } from '../guidance-editor/GuidanceEditor';
import { MonitorButtons } from '../monitoring/MonitorButtons';
import { MonitorPanel } from '../monitoring/MonitorPanel';
import { PhonePane } from '../phone/PhonePane';
import { RolePlayPane } from '../roleplay/RolePlayPane';
import { RolePlayProgressPane } from '../roleplay-progress/RolePlayProgressPane';
import { TrainingPane } from '../roleplay/TrainingPane';
import { PracticeSection } from '../roleplay/PracticeSection';
import { MyEvaluations } from '../qa/MyEvaluations';
import { QualityPane } from '../qa/QualityPane';
import { ScenarioEditor } from '../roleplay-editor/ScenarioEditor';
import { PhoneStatusItem } from '../phone/PhoneStatusItem';
import { OfflineBanner } from '../sync/OfflineBanner';
import { SyncStatusBar } from '../sync/SyncStatusBar';
import { ThresholdsEditor } from '../team-guidance/ThresholdsEditor';
import { WrapUpPane } from '../wrap-up/WrapUpPane';
import { TeamWeekEditor } from '../schedules/TeamWeekEditor';
import { TeamFiguresPane } from '../wallboard/TeamFiguresPane';
import { Wallboard } from '../wallboard/Wallboard';

/**
 * The body of the workspace for agents, supervisors and trainers. Each pane sits in its own
 * error boundary: a broken customer panel must leave the phone panel, and the call, alone.
 */
export function AgentWorkspace() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <main className="workspace-main" data-testid="workspace-agent" aria-labelledby={headingId}>
      <h1 id={headingId} className="visually-hidden">
        {t('agent.heading')}
      </h1>
      <OfflineBanner />
      <div className="agent-panes">
        <div className="agent-call-column">
          <PaneBoundary name="phone">
            <PhonePane />
          </PaneBoundary>
          <PaneBoundary name="guidance">
            <GuidancePanel />
          </PaneBoundary>
          <PaneBoundary name="wrap-up">
            <WrapUpPane />
          </PaneBoundary>
          <PaneBoundary name="recovery-pause">
            <RecoveryPause />
          </PaneBoundary>
          <PaneBoundary name="callbacks">
            <CallbacksPane />
          </PaneBoundary>
          {/* Quality evaluations of the agent's real calls, folded away and hidden during a call. */}
          <PaneBoundary name="qa-evaluations">
            <MyEvaluations />
          </PaneBoundary>
          {/* Peer practice: an agent plays the customer for a team-mate; a trainer reviews it later. */}
          <PaneBoundary name="roleplay">
            <PracticeSection>
              <RolePlayPane />
              <RolePlayProgressPane />
            </PracticeSection>
          </PaneBoundary>
        </div>
        <div className="agent-customer-column">
          {/* A training call's banner and practice customer, and the result after it. */}
          <PaneBoundary name="training">
            <TrainingPane />
          </PaneBoundary>
          <PaneBoundary name="customer">
            <CustomerPane />
          </PaneBoundary>
        </div>
      </div>
      {/* The status bar: phone, agent state and its clock, sync and pending writes. */}
      <footer className="status-bar" data-testid="status-bar">
        <PaneBoundary name="status-phone">
          <PhoneStatusItem />
        </PaneBoundary>
        <PaneBoundary name="status-agent">
          <AgentStateItem />
        </PaneBoundary>
        <PaneBoundary name="sync">
          <SyncStatusBar />
        </PaneBoundary>
      </footer>
    </main>
  );
}

export function SupervisorWorkspace() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <main className="workspace-main" data-testid="workspace-supervisor" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('supervisor.heading')}</h1>
      {/* Offline, the wallboard shows the last it heard: the banner says the view is not live. */}
      <OfflineBanner view="wallboard" />
      <PaneBoundary name="monitoring">
        <MonitorPanel />
      </PaneBoundary>
      <PaneBoundary name="wallboard">
        <Wallboard
          callActions={(agent, call) => (
            <MonitorButtons agent={agent} callId={call.callId} customer={call.customerId ? { id: call.customerId, name: call.customerName ?? '' } : null} />
          )}
        />
      </PaneBoundary>
      <PaneBoundary name="escalations">
        <EscalationQueue />
      </PaneBoundary>
      {/* After taking a customer over, the supervisor wraps the call up like an agent. */}
      <PaneBoundary name="wrap-up">
        <WrapUpPane />
      </PaneBoundary>
      {/* The customer of a call the supervisor looks into (the wallboard's "Details"), or any they search for. */}
      <PaneBoundary name="customer">
        <CustomerPane />
      </PaneBoundary>
      <PaneBoundary name="team-figures">
        <TeamFiguresPane />
      </PaneBoundary>
      <PaneBoundary name="team-week">
        <TeamWeekEditor />
      </PaneBoundary>
      <PaneBoundary name="quality">
        <QualityPane />
      </PaneBoundary>
      <PaneBoundary name="thresholds">
        <ThresholdsEditor />
      </PaneBoundary>
      {/* The supervisor's phone carries listen, whisper and barge: whether it is ready shows here. */}
      <footer className="status-bar" data-testid="status-bar">
        <PaneBoundary name="status-phone">
          <PhoneStatusItem />
        </PaneBoundary>
      </footer>
    </main>
  );
}

export function TrainerWorkspace() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <main className="workspace-main" data-testid="workspace-trainer" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('trainer.heading')}</h1>
      <OfflineBanner />
      <div className="agent-panes">
        <div className="agent-call-column">
          <PaneBoundary name="phone">
            <PhonePane />
          </PaneBoundary>
        </div>
        <div className="agent-customer-column">
          <PaneBoundary name="roleplay">
            <RolePlayPane />
          </PaneBoundary>
          <PaneBoundary name="roleplay-progress">
            <RolePlayProgressPane />
          </PaneBoundary>
        </div>
      </div>
      <PaneBoundary name="guidance-editor">
        <GuidanceEditor />
      </PaneBoundary>
      <PaneBoundary name="scenario-editor">
        <ScenarioEditor />
      </PaneBoundary>
      {/* The trainer's phone places role-play calls: whether it is ready shows here. */}
      <footer className="status-bar" data-testid="status-bar">
        <PaneBoundary name="status-phone">
          <PhoneStatusItem />
        </PaneBoundary>
      </footer>
    </main>
  );
}
