import { API, CreateUserResponse, LoginResponse } from '../../../shared/api/auth';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';

/** Signs in as the demo admin; the token creates agent accounts. */
export async function adminToken(serverUrl: string): Promise<string> {
  const admin = DEMO_ACCOUNTS.find((account) => account.role === 'admin');
  if (!admin) throw new Error('no demo admin');
  const response = await fetch(`${serverUrl}${API.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: admin.username, password: admin.password }),
  });
  if (!response.ok) throw new Error(`admin sign-in failed: HTTP ${response.status}`);
  return LoginResponse.parse(await response.json()).token;
}

/**
 * A new account (an agent unless told otherwise), so that tests and benchmarks never share a phone
 * identity. Teams matter to supervisors: they monitor the agents of their own teams only.
 */
export async function createAgent(
  serverUrl: string,
  token: string,
  username: string,
  displayName: string,
  password: string,
  account: { role?: 'agent' | 'supervisor' | 'trainer'; teamIds?: string[] } = {},
): Promise<string> {
  const response = await fetch(`${serverUrl}${API.adminUsers}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ username, displayName, password, role: account.role ?? 'agent', teamIds: account.teamIds ?? [] }),
  });
  if (response.status !== 201) throw new Error(`creating ${username} failed: HTTP ${response.status} ${await response.text()}`);
  return CreateUserResponse.parse(await response.json()).user.id;
}
