import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');

it('carries the same content security policy as the host header, less what a meta tag ignores', () => {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  const directives = (policy: string) => policy.split(';').map((d) => d.trim()).filter(Boolean).sort();
  const expected = directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'));
  expect(directives(meta ?? '')).toEqual(expected);
});

it('loads code only from files, never inline scripts', () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc=/);
    expect(body!.trim()).toBe('');
  }
});
