import type { Page } from '@playwright/test';
import type { SipProvisioning } from '../../../shared/sip/provisioning';

/**
 * Sits on the page's bridge WebSocket to the host and passes every frame through, except that
 * each answer to `phone.provisioning` goes through `change` first. Tests use it to watch the
 * credentials a console receives, or to hand it a bad one (as a misconfigured or compromised
 * server would). Install it before the console opens (Party's `beforeOpen`).
 */
export function onProvisioning(change: (provisioning: SipProvisioning) => SipProvisioning): (page: Page) => Promise<void> {
  return onHostReply<{ status: string; provisioning?: SipProvisioning }>('phone.provisioning', () => (value) =>
    value.provisioning ? { ...value, provisioning: change(value.provisioning) } : value,
  );
}

/**
 * The general form, for any call: each successful answer to `callName` goes through `change`
 * (which may be async, and may be swapped between tests by the caller) before the page sees it.
 * Tests use it to play a tampered console: a supervisor's page handed a forged or borrowed grant.
 */
export function onHostReply<T>(callName: string, change: () => ((value: T) => T | Promise<T>) | null): (page: Page) => Promise<void> {
  return async (page) => {
    await page.routeWebSocket(/\/bridge$/, (ws) => {
      const server = ws.connectToServer();
      const watched = new Set<number>();
      ws.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { type?: string; id?: number; name?: string };
        if (frame.type === 'call' && frame.name === callName && typeof frame.id === 'number') watched.add(frame.id);
        server.send(message);
      });
      server.onMessage(async (message) => {
        const frame = JSON.parse(String(message)) as { type?: string; id?: number; result?: { ok: boolean; value?: T } };
        const tamper = change();
        if (frame.type === 'result' && watched.has(frame.id ?? -1) && frame.result?.ok && tamper) {
          frame.result.value = await tamper(frame.result.value as T);
          ws.send(JSON.stringify(frame));
          return;
        }
        ws.send(message);
      });
    });
  };
}
