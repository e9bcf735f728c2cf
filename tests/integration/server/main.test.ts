import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API, HealthResponse } from '../../../shared/api/auth';
import { defaultDataDir, optionsFromEnv, ServerEnv } from '../../../server/config';
import { startTsProcess, tempDir } from '../../fixtures/processes';
import { backends, freshDatabase, request, signIn } from './harness';

const ROOT = resolve(import.meta.dirname, '../../..');

describe.each(backends)('the server process (%s)', (backend) => {
  it('announces one ready record, serves the demo accounts and stops cleanly on SIGTERM', async () => {
    const dir = tempDir('server-main');
    const database = await freshDatabase(backend);
    try {
      const proc = await startTsProcess(
        'server/main.ts',
        { PORT: '0', KALMA_DATA_DIR: dir.path, KALMA_DEMO: '1', DATABASE_URL: database.options.databaseUrl, LOG_LEVEL: 'info' },
        { name: 'central server', timeoutMs: 60_000 },
      );
      const url = String(proc.ready.url);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      expect(HealthResponse.parse((await request(url, 'GET', API.health)).body)).toEqual({ status: 'ok', db: backend });
      const before = Date.now();
      const session = await signIn(url, 'agent', 'agent-demo-2026');
      // Sessions last 12 hours unless configured otherwise.
      expect(Date.parse(session.expiresAt) - before).toBeGreaterThan(12 * 3_600_000 - 60_000);
      expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(12 * 3_600_000 + 60_000);

      await proc.stop('SIGTERM');
      expect(proc.child.exitCode).toBe(0);
      const records = proc.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(records.filter((r) => r.msg === 'ready')).toHaveLength(1);
      expect(records.at(-1)?.msg).toBe('stopped');
      if (backend === 'pglite') expect(records.some((r) => r.msg === 'database opened' && r.dataDir === dir.path)).toBe(true);
      // The connection string (which may hold a password) is not logged.
      if (database.options.databaseUrl) expect(proc.lines.join('\n')).not.toContain(database.options.databaseUrl);
    } finally {
      await database.drop();
      dir.remove();
    }
  }, 120_000);
});

describe('the server process configuration', () => {
  it('refuses an invalid environment, naming the variable, before starting anything', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://nope', KALMA_WRAP_UP_LIMIT_SECONDS: '-5' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(2);
    const record = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { level?: number; msg?: string };
    expect(record.level).toBe(60);
    expect(record.msg).toContain('PORT');
    expect(record.msg).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(record.msg).toContain('KALMA_WRAP_UP_LIMIT_SECONDS');
  });

  it('reads the floor’s wrap-up rules from the environment, with the defaults for what is unset', () => {
    const env = ServerEnv.parse({ KALMA_WRAP_UP_LIMIT_SECONDS: '0', KALMA_WRAP_UP_DEFAULT_DISPOSITION: 'resolved' });
    expect(optionsFromEnv(env, 'linux', {}).wrapUpRules).toEqual({ targetSeconds: 60, limitSeconds: 0, defaultDisposition: 'resolved', recoveryPauseSeconds: 300 });
    expect(ServerEnv.safeParse({ KALMA_WRAP_UP_DEFAULT_DISPOSITION: 'Not A Code' }).success).toBe(false);
    // The recovery pause after an abusive call: 0 turns the offer off; past an hour is a typo.
    expect(optionsFromEnv(ServerEnv.parse({ KALMA_RECOVERY_PAUSE_SECONDS: '0' }), 'linux', {}).wrapUpRules?.recoveryPauseSeconds).toBe(0);
    expect(optionsFromEnv(ServerEnv.parse({ KALMA_RECOVERY_PAUSE_SECONDS: '600' }), 'linux', {}).wrapUpRules?.recoveryPauseSeconds).toBe(600);
    expect(ServerEnv.safeParse({ KALMA_RECOVERY_PAUSE_SECONDS: '7200' }).success).toBe(false);
    expect(ServerEnv.safeParse({ KALMA_RECOVERY_PAUSE_SECONDS: 'five' }).success).toBe(false);
  });

  it('reads the monitoring settings: listening shown or not, and a PBX’s feature codes, refusing codes that are not', () => {
    expect(optionsFromEnv(ServerEnv.parse({}), 'linux', {}).showListening).toBeUndefined();
    expect(optionsFromEnv(ServerEnv.parse({ KALMA_SHOW_LISTENING: 'false' }), 'linux', {}).showListening).toBe(false);
    expect(optionsFromEnv(ServerEnv.parse({}), 'linux', {}).pbxMonitoring).toBeNull();
    const pbx = optionsFromEnv(ServerEnv.parse({ KALMA_PBX_MONITOR_CODES: 'listen=*222,barge=*224', KALMA_PBX_MONITOR_SWITCH: 'listen=4,whisper=5,barge=6' }), 'linux', {});
    expect(pbx.pbxMonitoring).toEqual({ codes: { listen: '*222', barge: '*224' }, switchDigits: { listen: '4', whisper: '5', barge: '6' } });
    const bad = ServerEnv.safeParse({ KALMA_PBX_MONITOR_CODES: 'listen=ChanSpy()' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['KALMA_PBX_MONITOR_CODES']);
  });

  it('keeps data in the per-user folder each OS expects', () => {
    expect(defaultDataDir('linux', {}, '/home/maria')).toBe('/home/maria/.local/share/kalma/server');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/maria' }, '/home/maria')).toBe('/data/maria/kalma/server');
    expect(defaultDataDir('darwin', {}, '/Users/maria')).toBe('/Users/maria/Library/Application Support/Kalma/server');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\maria\\AppData\\Roaming' }, 'C:\\Users\\maria')).toBe(
      join('C:\\Users\\maria\\AppData\\Roaming', 'Kalma', 'server'),
    );
  });
});
