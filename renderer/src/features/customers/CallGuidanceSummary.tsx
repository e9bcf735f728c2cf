import { useTranslation } from 'react-i18next';
import { guidanceEvents, summarizeGuidance, type CallGuidanceLog, type GuidanceEvent } from '../../../../shared/guidance/call-log';
import { textIn } from '../../../../shared/guidance/script';
import { useLocaleFormat } from '../../i18n/use-locale-format';

/**
 * What guidance did in a call, on its timeline entry: per script walked, the steps and checklist
 * done; the prompts by outcome; and, folded, every prompt, step and tick with its time. A
 * supervisor coaching the agent reads it on any console, since the log travels with the entry.
 */
export function CallGuidanceSummary({ log }: { log: CallGuidanceLog }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const summary = summarizeGuidance(log);
  const checklistText = (scriptId: string, itemId: string) => {
    const item = log.runs.find((run) => run.scriptId === scriptId)?.checklist.find((candidate) => candidate.id === itemId);
    return item ? textIn(item.text, format.language) : itemId;
  };
  const describe = (event: GuidanceEvent): string => {
    if (event.kind === 'prompt') {
      return t(`customers.history.guidance.prompt.${event.event as 'shown' | 'followed' | 'dismissed'}`, {
        situation: t(`guidanceEditor.trigger.${event.situation as 'customer-upset'}`),
      });
    }
    if (event.kind === 'tick') return t(event.ticked ? 'customers.history.guidance.ticked' : 'customers.history.guidance.unticked', { item: checklistText(event.scriptId, event.itemId) });
    const run = log.runs.find((candidate) => candidate.scriptId === event.scriptId);
    const title = run?.stepTitles[event.stepId];
    return t('customers.history.guidance.step', { step: title ? textIn(title, format.language) : event.stepId });
  };
  return (
    <div className="timeline-detail" data-testid="timeline-guidance">
      <p data-testid="timeline-guidance-summary">
        {summary.runs.map((run) => (
          <span key={`${run.scriptId}-${run.scriptVersion}`} className="timeline-guidance-run">
            {t('customers.history.guidance.run', {
              script: textIn(run.title, format.language),
              version: run.scriptVersion,
              done: run.stepsDone,
              steps: run.stepCount,
              checked: run.checked,
              items: run.checklistCount,
            })}{' '}
          </span>
        ))}
        {t('customers.history.guidance.prompts', summary.prompts)}
      </p>
      <details>
        <summary>{t('customers.history.guidance.details')}</summary>
        <ol className="timeline-guidance-events" data-testid="timeline-guidance-events">
          {guidanceEvents(log).map((event, index) => (
            <li key={index}>
              <time dateTime={new Date(event.at).toISOString()}>{format.time(event.at, { timeStyle: 'medium' })}</time> {describe(event)}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
