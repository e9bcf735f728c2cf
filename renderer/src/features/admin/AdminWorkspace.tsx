import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../i18n/error-key';
import { PaneBoundary } from '../../ui/PaneBoundary';
import { ThresholdsEditor } from '../team-guidance/ThresholdsEditor';
import { useAdminUsersStore } from './admin-users-store';
import { PolicyEditor } from './PolicyEditor';
import { MonitoringAuditPane } from '../monitoring/MonitoringAuditPane';

/** The admin's view: every account on the central server. */
export function AdminWorkspace() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <main className="workspace-main" data-testid="workspace-admin" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('admin.heading')}</h1>
      <PaneBoundary name="users">
        <UserList labelledBy={headingId} />
      </PaneBoundary>
      <PaneBoundary name="policy-editor">
        <PolicyEditor />
      </PaneBoundary>
      <PaneBoundary name="thresholds">
        <ThresholdsEditor />
      </PaneBoundary>
      <PaneBoundary name="monitoring-audit">
        <MonitoringAuditPane />
      </PaneBoundary>
    </main>
  );
}

function UserList({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const users = useAdminUsersStore((s) => s.users);
  const status = useAdminUsersStore((s) => s.status);
  const error = useAdminUsersStore((s) => s.error);
  const load = useAdminUsersStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="pane" aria-busy={status === 'loading'}>
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{t(errorKey(error.code))}</p>
          <button type="button" className="button button-secondary" onClick={() => void load()}>
            {t('admin.retry')}
          </button>
        </div>
      )}
      {status === 'loading' && users.length === 0 && <p className="muted">{t('admin.loading')}</p>}
      {status === 'loaded' && users.length === 0 && <p className="muted">{t('admin.empty')}</p>}
      {users.length > 0 && (
        <table className="table" aria-labelledby={labelledBy} data-testid="admin-users">
          <thead>
            <tr>
              <th scope="col">{t('admin.columns.username')}</th>
              <th scope="col">{t('admin.columns.name')}</th>
              <th scope="col">{t('admin.columns.role')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-testid="admin-user-row">
                <td translate="no">{user.username}</td>
                <td>
                  {user.displayName}
                  {user.disabled && <span className="tag">{t('admin.disabled')}</span>}
                </td>
                <td>{t(`roles.${user.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
