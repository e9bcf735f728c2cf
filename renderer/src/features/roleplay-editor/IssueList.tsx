import { useTranslation } from 'react-i18next';
import type { ScenarioIssue } from '../../../../shared/roleplay/scenario-check';

/** The check's findings for one part of the scenario, next to the fields they are about. */
export function IssueList({ issues, testId }: { issues: readonly ScenarioIssue[]; testId: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className="roleplay-editor-issues" data-testid={testId}>
      <p>{t('roleplayEditor.toFix', { count: issues.length })}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i} data-code={issue.code}>
            {t(`roleplayEditor.issue.${issue.code}`)} <code>{issue.where}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
