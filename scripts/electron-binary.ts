import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The installed Electron executable, or null. Found the way the `electron` package finds it, but
 * without requiring that package: since Electron 42 requiring it downloads a missing binary,
 * which fails (loudly) on a machine without the internet.
 */
export function installedElectron(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return null;
  const binary = override ? join(override, relative || 'electron') : join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}
