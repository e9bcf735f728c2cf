import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/user';
import { textIn } from '../../../../shared/guidance/script';
import { errorKey } from '../../i18n/error-key';
import { useSessionStore } from '../session/session-store';
import { useRolePlayStore } from './roleplay-store';

/** The caller picks a scenario, a trainee and the call's language, and starts. */
export function SessionSetup() {
  const { t } = useTranslation();
  const id = useId();
  const language = (useSessionStore((s) => s.user?.language) ?? 'en') as Language;
  const { scenarios, trainees, setupStatus, problem } = useRolePlayStore();
  const [scenarioId, setScenarioId] = useState('');
  const [traineeId, setTraineeId] = useState('');
  const [callLanguage, setCallLanguage] = useState<Language | ''>('');

  useEffect(() => {
    if (useRolePlayStore.getState().setupStatus === 'idle') void useRolePlayStore.getState().loadSetup();
  }, []);

  if (setupStatus === 'loading' || setupStatus === 'idle') return <p role="status">{t('roleplay.setup.loading')}</p>;
  if (setupStatus === 'failed') {
    return (
      <p className="alert alert-error" role="alert">
        {t('roleplay.setup.failed')}{' '}
        <button type="button" className="button-secondary" onClick={() => void useRolePlayStore.getState().loadSetup()}>
          {t('roleplay.setup.retry')}
        </button>
      </p>
    );
  }
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0];
  const trainee = trainees.find((p) => p.id === traineeId) ?? trainees[0];
  const languages = scenario ? scenario.languages : LANGUAGES;
  const chosenLanguage = callLanguage && languages.includes(callLanguage) ? callLanguage : (scenario?.persona.language ?? language);
  if (trainees.length === 0) return <p data-testid="roleplay-no-trainees">{t('roleplay.setup.noTrainees')}</p>;
  return (
    <form
      className="roleplay-setup"
      data-testid="roleplay-setup"
      onSubmit={(event) => {
        event.preventDefault();
        if (scenario && trainee) void useRolePlayStore.getState().start(scenario.id, trainee.id, chosenLanguage);
      }}
    >
      <label htmlFor={`${id}-scenario`}>{t('roleplay.setup.scenario')}</label>
      <select id={`${id}-scenario`} data-testid="roleplay-scenario" value={scenario?.id ?? ''} onChange={(e) => setScenarioId(e.target.value)}>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {textIn(s.title, language)}
          </option>
        ))}
      </select>
      {scenario && <p className="roleplay-summary">{textIn(scenario.summary, language)}</p>}
      <label htmlFor={`${id}-trainee`}>{t('roleplay.setup.trainee')}</label>
      <select id={`${id}-trainee`} data-testid="roleplay-trainee" value={trainee?.id ?? ''} onChange={(e) => setTraineeId(e.target.value)}>
        {trainees.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-language`}>{t('roleplay.setup.language')}</label>
      <select id={`${id}-language`} data-testid="roleplay-language" value={chosenLanguage} onChange={(e) => setCallLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {t(`guidanceEditor.lang.${l}`)}
          </option>
        ))}
      </select>
      {problem && (
        <p className="alert alert-error" role="alert" data-testid="roleplay-problem">
          {problem.code === 'FORBIDDEN' || problem.code === 'NOT_FOUND' ? t(`roleplay.refused.${problem.code}`) : t(errorKey(problem.code))}
        </p>
      )}
      <button type="submit" className="button-primary" data-testid="roleplay-start" disabled={!scenario || !trainee}>
        {t('roleplay.setup.start')}
      </button>
    </form>
  );
}
