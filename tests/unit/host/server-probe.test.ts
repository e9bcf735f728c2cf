import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerLink } from '../../../shared/contract/network';
import { ServerProbe } from '../../../electron/services/network/server-probe';

/** A stand-in central server whose health answer the test holds back or refuses. */
async function healthServer(): Promise<{ url: string; hits: string[]; down(): Promise<void>; server: Server }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end('{"status":"ok","db":"pglite"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits,
    server,
    down: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const probes: ServerProbe[] = [];
afterEach(() => {
  for (const p of probes.splice(0)) p.stop();
});

/** A probe on a scripted clock: each ping takes the next of `durations` ms. */
function scripted(serverUrl: string, durations: number[], fetchImpl?: typeof fetch) {
  const seen: ServerLink[] = [];
  let t = 0;
  let pending: number | null = null;
  const clock = () => {
    if (pending === null) {
      pending = durations.shift() ?? 0;
      return t;
    }
    t += pending;
    pending = null;
    return t;
  };
  const probe = new ServerProbe({ serverUrl, onChange: (link) => seen.push(link), intervalMs: 3_600_000, clock, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  probes.push(probe);
  return { probe, seen };
}

describe('the host’s measure of its link to the central server', () => {
  it('times the health endpoint and reports the median of the last three round trips', async () => {
    const server = await healthServer();
    try {
      const { probe, seen } = scripted(server.url, [40, 400, 50, 60]);
      probe.start();
      expect((await probe.pingNow()).roundTripMs).toBe(40);
      expect((await probe.pingNow()).roundTripMs).toBe(400); // [40, 400]: the upper middle
      expect((await probe.pingNow()).roundTripMs).toBe(50); // [40, 400, 50]: one slow ping does not count
      expect((await probe.pingNow()).roundTripMs).toBe(60); // [400, 50, 60]
      expect(server.hits.every((path) => path === '/healthz')).toBe(true);
      expect(seen.map((l) => l.roundTripMs)).toEqual([40, 400, 50, 60]);
      expect(probe.current()).toMatchObject({ reachable: true, roundTripMs: 60 });
      expect(probe.current().measuredAt).not.toBeNull();
    } finally {
      await server.down();
    }
  });

  it('says unreachable as soon as a ping gets no answer, and measures afresh when the server is back', async () => {
    const server = await healthServer();
    const { probe, seen } = scripted(server.url, [30, 1, 90]);
    probe.start();
    expect(await probe.pingNow()).toMatchObject({ reachable: true, roundTripMs: 30 });
    await server.down();
    expect(await probe.pingNow()).toMatchObject({ reachable: false, roundTripMs: null });
    const { port } = new URL(server.url);
    const back = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => back.listen(Number(port), '127.0.0.1', resolve));
    try {
      // The 30 ms from before the outage no longer counts.
      expect(await probe.pingNow()).toMatchObject({ reachable: true, roundTripMs: 90 });
      expect(seen.map((l) => l.reachable)).toEqual([true, false, true]);
    } finally {
      await new Promise<void>((resolve) => back.close(() => resolve()));
    }
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const probe = new ServerProbe({ serverUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, onChange: () => {}, timeoutMs: 100 });
      probes.push(probe);
      probe.start();
      expect(await probe.pingNow()).toMatchObject({ reachable: false, roundTripMs: null });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('pings only while started, and forgets its figures when stopped', async () => {
    let calls = 0;
    const counting = (async () => {
      calls += 1;
      return new Response('{}');
    }) as typeof fetch;
    const { probe } = scripted('http://127.0.0.1:9', [10, 10], counting);
    await probe.pingNow();
    expect(calls).toBe(0);
    probe.start();
    await probe.pingNow();
    expect(calls).toBeGreaterThan(0);
    probe.stop();
    const before = calls;
    expect(await probe.pingNow()).toEqual({ reachable: false, roundTripMs: null, measuredAt: null });
    expect(calls).toBe(before);
  });
});
