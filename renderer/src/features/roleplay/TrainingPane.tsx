import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/guidance/script';
import { usePhoneStore } from '../phone/phone-store';
import { RolePlayResult } from './RolePlayResult';
import { TrainingCustomerCard } from './TrainingCustomerCard';
import { useRolePlayStore } from './roleplay-store';
import './roleplay.css';

/**
 * The trainee's side: while a training call rings and runs, the TRAINING banner (with the consent
 * to record, asked while it rings) and the scenario's practice customer; after it, the result.
 */
export function TrainingPane() {
  const { t } = useTranslation();
  const training = useRolePlayStore((s) => s.training);
  const result = useRolePlayStore((s) => s.result);
  const recording = usePhoneStore((s) => (training ? s.lines[training.line].recording && s.lines[training.line].callId === training.callId : false));
  const live = training !== null && training.status !== 'ended';
  if (!live && !result) return null;
  const language = training?.ticket.language ?? result?.language ?? 'en';
  const title = training?.scenario ? textIn(training.scenario.title, language) : '';
  return (
    <section className="pane training-pane" aria-label={t('roleplay.training.banner')} data-testid="training-pane">
      {live && training && (
        <>
          <div className="training-banner" role="status" data-testid="training-banner" data-session-id={training.ticket.id}>
            <strong className="training-banner-word">{t('roleplay.training.banner')}</strong>{' '}
            {t(training.ticket.peer ? 'roleplay.training.peer' : 'roleplay.training.with', { caller: training.ticket.callerName, scenario: title })}
            <p className="training-banner-note">{t('roleplay.training.notReal')}</p>
            {training.status === 'ringing' && (
              <label className="training-consent">
                <input type="checkbox" data-testid="training-consent" checked={training.consent} onChange={(e) => useRolePlayStore.getState().setConsent(e.target.checked)} />{' '}
                {t('roleplay.training.consent')}
              </label>
            )}
            {training.paused && (
              <p className="training-paused" data-testid="training-paused">
                {t('roleplay.coached.paused', { caller: training.ticket.callerName })}
              </p>
            )}
            {training.hints.slice(-3).map((hint) => (
              <p key={hint.at} className="training-hint" data-testid="training-hint">
                {t('roleplay.coached.hint', { caller: training.ticket.callerName })}: {hint.text}
              </p>
            ))}
            {recording && (
              <span className="training-recording" data-testid="training-recording">
                ● {t('roleplay.training.recording')}
              </span>
            )}
          </div>
          {training.records ? <TrainingCustomerCard records={training.records} language={language} /> : <p>{t('roleplay.training.noScenario')}</p>}
        </>
      )}
      {!live && result && (
        <>
          <RolePlayResult session={result} scenario={training?.scenario ?? null} />
          <button type="button" className="button-secondary" data-testid="roleplay-result-close" onClick={() => useRolePlayStore.getState().closeResult()}>
            {t('roleplay.result.close')}
          </button>
        </>
      )}
    </section>
  );
}
