/**
 * `npm start`: builds the console if its sources changed, starts the central server on its
 * embedded database (PGlite, demo accounts on first run), then the console — in Electron where the
 * Electron binary is installed, otherwise in the web host, whose URL is printed to open in a browser.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_ACCOUNTS } from '../shared/domain/demo-accounts';
import { userDataRoot } from './data-folder';
import { installedElectron } from './electron-binary';
import { electronSqliteBinding } from './electron-native';

const ROOT = resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale(): void {
  const stamp = join(ROOT, 'out', '.built');
  const sources = Math.max(...['renderer', 'shared', 'electron'].map((d) => newestChange(join(ROOT, d))), statSync(join(ROOT, 'electron.vite.config.ts')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  console.log('Building the console (electron-vite build)…');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the console did not build; see the output above');
  writeFileSync(stamp, new Date().toISOString());
}

/** The preferred port when it is free, otherwise any free port (a second `npm start` still works). */
function portNear(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((done, fail) => {
      const probe = createServer();
      probe.once('error', fail);
      probe.listen(port, '127.0.0.1', () => {
        const chosen = (probe.address() as { port: number }).port;
        probe.close(() => done(chosen));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

function startNode(entry: string, env: Record<string, string>, name: string): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((ready, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const record = JSON.parse(line) as Record<string, unknown>;
        if (record.msg === 'ready') ready(record);
        else if (typeof record.level === 'number' && record.level >= 40) console.error(`[${name}] ${String(record.msg)}`);
      } catch {
        console.log(`[${name}] ${line}`);
      }
    });
    child.once('exit', (code) => fail(new Error(`${name} exited (code ${code}) before it was ready`)));
  });
}

function stopAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

async function main(): Promise<void> {
  buildIfStale();
  const data = userDataRoot();
  mkdirSync(data, { recursive: true });
  const serverPort = await portNear(Number(process.env.KALMA_SERVER_PORT ?? 4010));
  const server = await startNode(
    'server/main.ts',
    { PORT: String(serverPort), KALMA_DATA_DIR: join(data, 'server'), KALMA_DEMO: process.env.DATABASE_URL ? '0' : '1' },
    'server',
  );
  const serverUrl = String(server.url);
  console.log(`\nCentral server: ${serverUrl} (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite, data in ${join(data, 'server')}`})`);
  if (!process.env.DATABASE_URL) {
    console.log('Demo accounts (user / password):');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.username} / ${a.password}`);
  }

  const electron = process.env.KALMA_WEB === '1' ? null : installedElectron();
  if (electron) {
    console.log('\nStarting the console in Electron…');
    const sqliteBinding = await electronSqliteBinding();
    const app = spawn(electron, [ROOT], { cwd: ROOT, env: { ...process.env, KALMA_SERVER_URL: serverUrl, KALMA_SQLITE_BINDING: sqliteBinding }, stdio: 'inherit' });
    children.push(app);
    app.once('exit', () => {
      stopAll();
      process.exit(0);
    });
  } else {
    const hostPort = await portNear(Number(process.env.KALMA_CONSOLE_PORT ?? 4020));
    const host = await startNode('electron/web/main.ts', { PORT: String(hostPort), KALMA_SERVER_URL: serverUrl, KALMA_DATA_DIR: join(data, 'console') }, 'web host');
    console.log('\nThe Electron binary is not installed (`npx install-electron` fetches it where the internet is reachable),');
    console.log('so the console runs in the web host. Open this address in Chromium or Chrome:\n');
    console.log(`  ${String(host.launchUrl)}\n`);
  }
  console.log('Press Ctrl+C to stop.');
}

process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(143);
});
main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  stopAll();
  process.exit(1);
});
