import { useTranslation } from 'react-i18next';
import type { FormProblem } from './phone-store';

/** Why a number, transfer target or key cannot be used, next to the box it came from. */
export function FormProblemNote({ id, testId, problem }: { id?: string; testId: string; problem: FormProblem }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field-note phone-problem" data-testid={testId} data-problem={problem.problem} role="alert">
      {t(`phone.dialProblem.${problem.problem}`, { char: problem.char ?? '' })}
    </p>
  );
}
