import type { JSX } from 'react';
import type { User } from '../../../../shared/domain/user';
import { PaneBoundary } from '../../ui/PaneBoundary';
import { AdminWorkspace } from '../admin/AdminWorkspace';
import { AgentWorkspace, SupervisorWorkspace, TrainerWorkspace } from './RoleWorkspaces';
import { WorkspaceHeader } from './WorkspaceHeader';

const bodies = {
  agent: AgentWorkspace,
  supervisor: SupervisorWorkspace,
  trainer: TrainerWorkspace,
  admin: AdminWorkspace,
} satisfies Record<User['role'], () => JSX.Element>;

/** The signed-in shell: the header, then the body for the person's role. */
export function Workspace({ user }: { user: User }) {
  const Body = bodies[user.role];
  return (
    <div className="workspace">
      <PaneBoundary name="header">
        <WorkspaceHeader user={user} />
      </PaneBoundary>
      <Body />
    </div>
  );
}
