import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * better-sqlite3 built for Electron's ABI, in a folder of its own, so the copy in node_modules
 * stays built for Node (the web host, the server tooling and the tests load that one). The
 * Electron main process loads this copy through better-sqlite3's `nativeBinding` option, passed as
 * KALMA_SQLITE_BINDING. Building needs Electron's headers, so the first run needs the internet;
 * later runs reuse the build.
 */
export async function electronSqliteBinding(): Promise<string> {
  const require = createRequire(import.meta.url);
  const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = (JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')) as { version: string }).version;
  const appDir = join(ROOT, '.native', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const binding = join(appDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; needs Electron's headers)…`);
  mkdirSync(join(appDir, 'node_modules'), { recursive: true });
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'kalma-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  cpSync(sqliteDir, join(appDir, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: appDir, electronVersion, onlyModules: ['better-sqlite3'], force: true, buildFromSource: true });
  if (!existsSync(binding)) throw new Error(`the Electron build of better-sqlite3 did not produce ${binding}`);
  return binding;
}
