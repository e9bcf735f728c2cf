import { afterEach, describe, expect, it } from 'vitest';
import { calls, ContractFailure } from '../../../shared/contract';
import { createConsoleHost } from '../../../electron/services/console-host';
import { HandlerRegistry } from '../../../electron/services/contract/registry';
import { tempDir } from '../../fixtures/processes';

const ctx = { origin: 'http://127.0.0.1:1' };

describe('the host registry', () => {
  it('refuses a call the contract does not name, without running anything', async () => {
    const registry = new HandlerRegistry();
    expect(await registry.dispatch('nope', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CALL', message: expect.stringContaining('nope') },
    });
    expect(await registry.dispatch(42, {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('refuses a contract call this host has no handler for', async () => {
    const registry = new HandlerRegistry();
    expect(await registry.dispatch('app.info', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(registry.missing()).toContain('app.info');
  });

  it('rejects invalid input with field-level issues before the handler runs', async () => {
    let ran = false;
    const registry = new HandlerRegistry().handle('session.signIn', () => {
      ran = true;
      throw new Error('should not run');
    });
    const result = await registry.dispatch('session.signIn', { username: 'has spaces!', password: '' }, ctx);
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['password', 'username']);
    // Unknown fields are refused too: strict inputs do not silently drop what a page sent.
    expect(await registry.dispatch('session.signIn', { username: 'agent', password: 'x', admin: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('passes a handler’s ContractFailure through with its code and message', async () => {
    const registry = new HandlerRegistry().handle('admin.listUsers', () => {
      throw new ContractFailure('FORBIDDEN', 'Only administrators can list accounts.');
    });
    expect(await registry.dispatch('admin.listUsers', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only administrators can list accounts.' },
    });
  });

  it('turns a result outside the contract, or a crash, into INTERNAL without leaking details', async () => {
    const registry = new HandlerRegistry()
      .handle('app.language', () => 'klingon' as never)
      .handle('app.info', () => {
        throw new Error('secret internal detail');
      });
    const badOutput = await registry.dispatch('app.language', {}, ctx);
    expect(badOutput).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const crashed = await registry.dispatch('app.info', {}, ctx);
    expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(crashed)).not.toContain('secret internal detail');
  });

  it('hands the handler parsed input and the caller’s origin', async () => {
    const seen: unknown[] = [];
    const registry = new HandlerRegistry().handle('session.signIn', (input, context) => {
      seen.push(input, context.origin);
      throw new ContractFailure('UNAUTHENTICATED', 'Wrong username or password.');
    });
    await registry.dispatch('session.signIn', { username: '  agent ', password: 'pw' }, ctx);
    expect(seen).toEqual([{ username: 'agent', password: 'pw' }, ctx.origin]);
  });
});

describe('the console host', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('has a handler for every call in the contract', async () => {
    const dir = tempDir('registry');
    dirs.push(dir);
    const host = createConsoleHost({ dataDir: dir.path, serverUrl: 'http://127.0.0.1:9', hostKind: 'web', version: '1.2.3' });
    expect(host.registry.missing()).toEqual([]);
    // Every contract name reaches a handler (or its input check): none is UNKNOWN_CALL.
    for (const name of Object.keys(calls)) {
      const result = await host.registry.dispatch(name, { not: 'valid' }, ctx);
      if (!result.ok) expect(result.error.code, name).not.toBe('UNKNOWN_CALL');
    }
    await host.close();
  });

  it('answers app.info and app.language without a server', async () => {
    const dir = tempDir('registry');
    dirs.push(dir);
    const host = createConsoleHost({ dataDir: dir.path, serverUrl: 'http://127.0.0.1:9', hostKind: 'electron', version: '1.2.3' });
    expect(await host.registry.dispatch('app.info', {}, ctx)).toEqual({
      ok: true,
      value: { host: 'electron', version: '1.2.3', serverUrl: 'http://127.0.0.1:9' },
    });
    expect(await host.registry.dispatch('app.language', {}, ctx)).toEqual({ ok: true, value: 'en' });
    expect(await host.registry.dispatch('session.current', {}, ctx)).toEqual({ ok: true, value: null });
    await host.close();
  });
});
