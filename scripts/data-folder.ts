import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/** The per-user data folder, where the OS expects an application's data to live. */
export function userDataRoot(): string {
  if (process.env.KALMA_HOME) return process.env.KALMA_HOME;
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Kalma');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Kalma');
    default:
      return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'kalma');
  }
}
