import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../shared/contract/core';
import type { GuidanceContent, ScriptVersionRef } from '../../../shared/contract/guidance';
import { DEFAULT_GUIDANCE_THRESHOLDS } from '../../../shared/guidance/triggers';
import { GuidanceCopy, type GuidanceSource } from '../../../electron/services/guidance/guidance-copy';
import { silentLog } from '../../../electron/services/host-log';
import { defaultPolicyPack, defaultScripts } from '../../../server/guidance/defaults';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cacheFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kalma-guidance-'));
  dirs.push(dir);
  return join(dir, 'cache.sqlite');
}

/** A server whose published content a test changes; `online: false` makes every request fail. */
function fakeServer() {
  const server = {
    online: true,
    content: { scripts: defaultScripts(), policyPack: null, thresholds: DEFAULT_GUIDANCE_THRESHOLDS, updatedAt: '2026-12-01T00:00:00.000Z' } as GuidanceContent,
    stamp: 'a',
    fetches: 0,
  };
  const source: GuidanceSource = {
    fetch: () => {
      if (!server.online) return Promise.reject(new ContractFailure('UNAVAILABLE', 'offline'));
      server.fetches += 1;
      return Promise.resolve(structuredClone(server.content));
    },
    stamp: () => (server.online ? Promise.resolve(server.stamp) : Promise.reject(new ContractFailure('UNAVAILABLE', 'offline'))),
  };
  return { server, source };
}

describe('the host copy of the guidance', () => {
  it('serves the last fetched scripts after a restart with the server out of reach', async () => {
    const file = cacheFile();
    const { server, source } = fakeServer();
    await new GuidanceCopy(source, silentLog(), () => {}).open(file);

    server.online = false;
    const restarted = new GuidanceCopy(source, silentLog(), () => {});
    await restarted.open(file);
    expect(restarted.content().scripts.map((s) => s.id)).toContain('upset-customer');
  });

  it('tells the console when a script version changed, and only then', async () => {
    const { server, source } = fakeServer();
    const changes: ScriptVersionRef[][] = [];
    const copy = new GuidanceCopy(source, silentLog(), (scripts) => changes.push(scripts));
    await copy.open(cacheFile());
    expect(changes).toHaveLength(1);

    await copy.refresh();
    expect(changes).toHaveLength(1);
    expect(server.fetches).toBe(1); // same stamp: no second download

    const upset = server.content.scripts.find((s) => s.id === 'upset-customer')!;
    server.content.scripts = server.content.scripts.map((s) => (s.id === upset.id ? { ...s, version: upset.version + 1 } : s));
    server.stamp = 'b';
    await copy.refresh();
    expect(changes.at(-1)).toContainEqual({ id: 'upset-customer', version: upset.version + 1 });
    expect(copy.content().scripts.find((s) => s.id === 'upset-customer')?.version).toBe(upset.version + 1);
  });

  it("tells the console when only the policy pack or the team's thresholds changed", async () => {
    const { server, source } = fakeServer();
    const changes: ScriptVersionRef[][] = [];
    const copy = new GuidanceCopy(source, silentLog(), (scripts) => changes.push(scripts));
    await copy.open(cacheFile());
    expect(changes).toHaveLength(1);

    server.content.policyPack = defaultPolicyPack('ph');
    server.stamp = 'b';
    await copy.refresh();
    expect(changes).toHaveLength(2);
    expect(copy.content().policyPack?.id).toBe('ph-retail');

    server.content.thresholds = { ...DEFAULT_GUIDANCE_THRESHOLDS, longHoldSeconds: 25 };
    server.stamp = 'c';
    await copy.refresh();
    expect(changes).toHaveLength(3);
    expect(copy.content().thresholds.longHoldSeconds).toBe(25);

    // A stamp that moved for nothing this console holds (another team's change) is not news.
    server.stamp = 'd';
    await copy.refresh();
    expect(changes).toHaveLength(3);
  });

  it('has no scripts before the first fetch, rather than failing', async () => {
    const { server, source } = fakeServer();
    server.online = false;
    const copy = new GuidanceCopy(source, silentLog(), () => {});
    await copy.open(cacheFile());
    expect(copy.content()).toMatchObject({ scripts: [], updatedAt: null });
  });
});
