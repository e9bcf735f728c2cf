import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PaneBoundary } from '../../ui/PaneBoundary';
import { PlaceholderPane } from './PlaceholderPane';

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
      <div className="agent-panes">
        <PaneBoundary name="phone">
          <PlaceholderPane testId="pane-phone" title={t('agent.phone.title')} text={t('agent.phone.soon')} />
        </PaneBoundary>
        <PaneBoundary name="customer">
          <PlaceholderPane testId="pane-customer" title={t('agent.customer.title')} text={t('agent.customer.soon')} />
        </PaneBoundary>
      </div>
    </main>
  );
}

export function SupervisorWorkspace() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <main className="workspace-main" data-testid="workspace-supervisor" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('supervisor.heading')}</h1>
      <PaneBoundary name="team">
        <section className="pane">
          <p className="muted">{t('supervisor.soon')}</p>
        </section>
      </PaneBoundary>
    </main>
  );
}

export function TrainerWorkspace() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <main className="workspace-main" data-testid="workspace-trainer" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('trainer.heading')}</h1>
      <PaneBoundary name="scenarios">
        <section className="pane">
          <p className="muted">{t('trainer.soon')}</p>
        </section>
      </PaneBoundary>
    </main>
  );
}
