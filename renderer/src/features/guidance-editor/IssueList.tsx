import { useTranslation } from 'react-i18next';
import type { ScriptIssue } from '../../../../shared/guidance/script-check';

/** The validator's findings for one part of the script, next to the fields they are about. */
export function IssueList({ issues, testId }: { issues: ScriptIssue[]; testId: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className="guidance-editor-issues" data-testid={testId}>
      <p>{t('guidanceEditor.toFix', { count: issues.length })}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i} data-code={issue.code}>
            {t(`guidanceEditor.issue.${issue.code}`)} <code>{issue.where}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
