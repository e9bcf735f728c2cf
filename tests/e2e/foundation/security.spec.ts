import { expect, test } from '../support/fixtures';

test.describe('the console is sealed', () => {
  test('a page in the console cannot fetch another origin (CSP)', async ({ app, server }) => {
    // The server answers when asked directly, so a failure in the page is the policy, not the server.
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);

    const outcome = await app.page.evaluate(async (url) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      try {
        await fetch(url);
        return { fetched: true, violations };
      } catch {
        await new Promise((r) => setTimeout(r, 0));
        return { fetched: false, violations };
      }
    }, `${server.url}/healthz`);
    expect(outcome.fetched).toBe(false);
    expect(outcome.violations).toContain('connect-src');
  });

  test('unknown calls and invalid input come back as typed errors', async ({ app }) => {
    expect(await app.rawBridgeCall({ type: 'call', id: 7, name: 'customers.dropEverything', input: {} })).toEqual({
      type: 'result',
      id: 7,
      result: { ok: false, error: expect.objectContaining({ code: 'UNKNOWN_CALL' }) },
    });
    expect(await app.rawBridgeCall({ type: 'call', id: 8, name: 'session.signIn', input: { username: 42 } })).toEqual({
      type: 'result',
      id: 8,
      result: { ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', issues: expect.any(Array) }) },
    });
    // The console still works after the bad frames.
    await app.signInAs('agent');
  });

  test('the bridge refuses a page without the launch secret', async ({ browser, webHost }) => {
    const stranger = await browser.newContext();
    const page = await stranger.newPage();
    const response = await page.goto(webHost.url);
    expect(response?.status()).toBe(401);
    const opened = await page.evaluate(
      (url) =>
        new Promise<boolean>((done) => {
          const ws = new WebSocket(url);
          ws.onopen = () => done(true);
          ws.onerror = () => done(false);
        }),
      `${webHost.url.replace('http', 'ws').replace(/\/$/, '')}/bridge`,
    );
    expect(opened).toBe(false);
    await stranger.close();
  });

  test('the bridge refuses another origin even with the cookie', async ({ app, server, webHost }) => {
    // Same site (127.0.0.1), other port: the cookie travels, so only the Origin check stands guard.
    await app.page.goto(`${server.url}/healthz`);
    const opened = await app.page.evaluate(
      (url) =>
        new Promise<boolean>((done) => {
          const ws = new WebSocket(url);
          ws.onopen = () => done(true);
          ws.onerror = () => done(false);
        }),
      `${webHost.url.replace('http', 'ws').replace(/\/$/, '')}/bridge`,
    );
    expect(opened).toBe(false);
  });
});
