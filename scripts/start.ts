/**
 * `npm start`: builds the console if its sources changed, starts the SIP server when Kamailio is
 * installed (so consoles on this machine can call each other), the central server on its
 * embedded database (PGlite, demo accounts on first run), then the console — in Electron where the
 * Electron binary is installed, otherwise in the web host, whose URL is printed to open in a browser.
 * `KALMA_CONSOLES=2` starts a second console (a web host: one signed-in person per console) for a
 * second agent; `KALMA_SIP=off` leaves the phone out.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
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

// ——— the SIP server (Kamailio, and rtpengine for plain SIP phones when installed) ———

const KAMAILIO_CFG = join(ROOT, 'resources', 'kamailio', 'kamailio.cfg');
const SIP_DOMAIN = 'kalma.local';
const SIP_PACKAGES = 'kamailio kamailio-websocket-modules kamailio-autheph-modules';

/** The first of these that runs, or null. */
function findBinary(candidates: string[], versionFlag: string): string | null {
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, [versionFlag], { encoding: 'utf8' });
    if (probe.error === undefined && probe.status === 0) return candidate;
  }
  return null;
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      done(false);
    });
    socket.bind({ address: '127.0.0.1', port, exclusive: true }, () => socket.close(() => done(true)));
  });
}

/** Polls until something accepts TCP connections on the port, or the child exits, or time runs out. */
async function acceptsTcp(port: number, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return true;
    await new Promise((next) => setTimeout(next, 100));
  }
  return false;
}

/** The secret Kamailio and the central server share; kept so that consoles' credentials survive a restart. */
function sipSecret(dir: string): string {
  const file = join(dir, 'secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{16,}$/.test(kept)) return kept;
  }
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** rtpengine in userspace on a fixed ng port near 2223; null when it is not installed or does not start. */
async function startRtpengine(logFile: string): Promise<string | null> {
  const binary = findBinary(['rtpengine', '/usr/bin/rtpengine', '/usr/sbin/rtpengine'], '--version');
  if (!binary) return null;
  let ngPort = 2223;
  while (!(await udpPortFree(ngPort)) && ngPort < 2240) ngPort += 1;
  const child = spawn(
    binary,
    ['--config-file=none', '--table=-1', '--interface=127.0.0.1', `--listen-ng=127.0.0.1:${ngPort}`, '--port-min=31000', '--port-max=31999', '--foreground', '--log-stderr'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const keep = (chunk: Buffer) => appendFileSync(logFile, chunk);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // The ng protocol answers `ping` with `pong`.
  const socket = createSocket('udp4');
  try {
    for (let attempt = 0; attempt < 30 && child.exitCode === null; attempt += 1) {
      const pong = new Promise<boolean>((done) => {
        const timer = setTimeout(() => done(false), 200);
        socket.once('message', (reply) => {
          clearTimeout(timer);
          done(reply.toString('latin1').includes('pong'));
        });
      });
      socket.send(`start${attempt} d7:command4:pinge`, ngPort, '127.0.0.1');
      if (await pong) return `udp:127.0.0.1:${ngPort}`;
    }
  } finally {
    socket.close();
  }
  child.kill('SIGTERM');
  console.log(`rtpengine did not start (see ${logFile}); plain SIP phones will not have audio.`);
  return null;
}

/**
 * Starts Kamailio with the project's config and returns the central server's KALMA_SIP_* settings,
 * or null (with a line saying how to get a phone) when there is no Kamailio to start.
 */
async function startSipServer(data: string): Promise<Record<string, string> | null> {
  if (process.env.KALMA_SIP_WS_URLS || process.env.KALMA_SIP_SECRET) {
    console.log(`Phone: using the SIP server in KALMA_SIP_WS_URLS (${process.env.KALMA_SIP_WS_URLS ?? 'unset'}).`);
    return {};
  }
  if (process.env.KALMA_SIP === 'off') {
    console.log('Phone: off (KALMA_SIP=off).');
    return null;
  }
  const kamailio = findBinary(['kamailio', '/usr/sbin/kamailio', '/usr/local/sbin/kamailio'], '-v');
  if (!kamailio) {
    console.log(`Phone: Kamailio is not installed, so the consoles have no phone ("Phone not configured").`);
    console.log(`  To call between consoles on this machine: sudo apt-get install ${SIP_PACKAGES}, then npm start again.`);
    console.log('  Or use your own SIP server: KALMA_SIP_SECRET=… KALMA_SIP_WS_URLS=wss://… (see README, "The phone").');
    return null;
  }
  const dir = join(data, 'sip');
  mkdirSync(dir, { recursive: true });
  const secret = sipSecret(dir);
  const logFile = join(dir, 'kamailio.log');
  const port = await portNear(Number(process.env.KALMA_SIP_PORT ?? 5080));
  // Plain SIP phones (baresip, a desk phone) need UDP on the same port and rtpengine for media.
  const rtpengine = (await udpPortFree(port)) ? await startRtpengine(join(dir, 'rtpengine.log')) : null;
  const defines = [`SIP_PORT=${port}`, `SIP_SECRET="${secret}"`, `SIP_DOMAIN="${SIP_DOMAIN}"`];
  if (rtpengine) defines.push(`RTPENGINE_SOCK="${rtpengine}"`, 'SIP_UDP=1');
  const defineArgs = defines.flatMap((define) => ['-A', define]);

  // A config Kamailio refuses (a module missing) must say so, not start half a phone.
  const check = spawnSync(kamailio, ['-c', '-f', KAMAILIO_CFG, ...defineArgs], { encoding: 'utf8' });
  if (check.status !== 0) {
    const problems = `${check.stdout}${check.stderr}`.split('\n').filter((line) => /ERROR|error/.test(line)).slice(-5).join('\n  ');
    console.log(`Phone: Kamailio refused ${KAMAILIO_CFG}:\n  ${problems}`);
    console.log(`  Its WebSocket and auth_ephemeral modules may be missing: sudo apt-get install ${SIP_PACKAGES}`);
    return null;
  }
  const child = spawn(kamailio, ['-f', KAMAILIO_CFG, '-DD', '-E', '-P', join(dir, 'kamailio.pid'), '-Y', dir, '-m', '64', '-M', '8', ...defineArgs], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const keep = (chunk: Buffer) => appendFileSync(logFile, chunk);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (!(await acceptsTcp(port, child, 15_000))) {
    child.kill('SIGTERM');
    console.log(`Phone: Kamailio did not start (see ${logFile}); the consoles have no phone.`);
    return null;
  }
  const wsUrl = `ws://127.0.0.1:${port}`;
  console.log(`Phone: Kamailio on ${wsUrl} (log ${logFile}). Agents register as sip:<username>@${SIP_DOMAIN} and call each other by username.`);
  if (rtpengine) console.log(`  Plain SIP phones: sip:<number>@${SIP_DOMAIN} via udp 127.0.0.1:${port}, media bridged by rtpengine.`);
  return { KALMA_SIP_SECRET: secret, KALMA_SIP_WS_URLS: wsUrl, KALMA_SIP_DOMAIN: SIP_DOMAIN };
}

let stopping = false;

/**
 * Stops everything this script started and waits for it: Ctrl+C reaches the children too, so they
 * get a moment to stop on their own; whatever still runs gets SIGTERM, then SIGKILL. This process
 * stays until they are gone, because exiting first would close the pipes they log to and leave
 * them (the server, Kamailio) running with nowhere to write.
 */
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const running = () => children.filter((child) => child.exitCode === null && child.signalCode === null);
  const settle = (ms: number) =>
    Promise.race([
      Promise.all(running().map((child) => new Promise<void>((done) => child.once('exit', () => done())))),
      new Promise<void>((done) => setTimeout(done, ms)),
    ]);
  await settle(1_500);
  for (const child of running()) child.kill('SIGTERM');
  await settle(10_000);
  for (const child of running()) child.kill('SIGKILL');
  process.exit(code);
}

async function main(): Promise<void> {
  buildIfStale();
  const data = userDataRoot();
  mkdirSync(data, { recursive: true });
  const consoles = Number(process.env.KALMA_CONSOLES ?? 1);
  if (!Number.isInteger(consoles) || consoles < 1 || consoles > 4) throw new Error(`KALMA_CONSOLES must be 1 to 4, got "${process.env.KALMA_CONSOLES}"`);
  const sip = await startSipServer(data);
  const serverPort = await portNear(Number(process.env.KALMA_SERVER_PORT ?? 4010));
  const server = await startNode(
    'server/main.ts',
    { PORT: String(serverPort), KALMA_DATA_DIR: join(data, 'server'), KALMA_DEMO: process.env.DATABASE_URL ? '0' : '1', ...sip },
    'server',
  );
  const serverUrl = String(server.url);
  console.log(`\nCentral server: ${serverUrl} (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite, data in ${join(data, 'server')}`})`);
  if (!process.env.DATABASE_URL) {
    console.log('Demo accounts (user / password):');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.username} / ${a.password}`);
  }

  const electron = process.env.KALMA_WEB === '1' ? null : installedElectron();
  // One signed-in person per console: a second agent needs a console of their own.
  const webConsoles = electron ? consoles - 1 : consoles;
  if (electron) {
    console.log('\nStarting the console in Electron…');
    const sqliteBinding = await electronSqliteBinding();
    const app = spawn(electron, [ROOT], { cwd: ROOT, env: { ...process.env, KALMA_SERVER_URL: serverUrl, KALMA_SQLITE_BINDING: sqliteBinding }, stdio: 'inherit' });
    children.push(app);
    app.once('exit', () => void shutdown(0));
  } else {
    console.log('\nThe Electron binary is not installed (`npx install-electron` fetches it where the internet is reachable),');
    console.log('so the console runs in the web host.');
  }
  for (let n = 1; n <= webConsoles; n += 1) {
    const hostPort = await portNear(Number(process.env.KALMA_CONSOLE_PORT ?? 4020) + n - 1);
    const folder = n === 1 ? 'console' : `console-${n}`;
    const host = await startNode('electron/web/main.ts', { PORT: String(hostPort), KALMA_SERVER_URL: serverUrl, KALMA_DATA_DIR: join(data, folder) }, 'web host');
    console.log(`\n${webConsoles > 1 || electron ? `Console ${electron ? n + 1 : n}` : 'The console'}: open this address in Chromium or Chrome:\n`);
    console.log(`  ${String(host.launchUrl)}\n`);
  }
  if (sip && consoles < 2) console.log('To try the phone between two agents here: KALMA_CONSOLES=2 npm start, sign in as agent and agent2.');
  console.log('Press Ctrl+C to stop.');
}

process.on('SIGINT', () => void shutdown(130));
process.on('SIGTERM', () => void shutdown(143));
main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
