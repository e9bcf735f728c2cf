import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const PHONE = join(ROOT, 'renderer/src/features/phone');
const imports = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('the phone engine stays outside React', () => {
  it('imports no React, no store and no host: it speaks only commands and events', () => {
    const dir = join(PHONE, 'engine');
    for (const name of readdirSync(dir)) {
      for (const spec of imports(join(dir, name))) {
        expect(spec, `${name} imports ${spec}`).not.toMatch(/^(react|react-dom|zustand|react-i18next)(\/|$)/);
        if (!spec.startsWith('.')) continue;
        // Relative imports stay in engine/ or reach the pure shared/ layer, nothing in between.
        const target = relative(ROOT, resolve(dir, spec));
        expect(target.startsWith('renderer/src/features/phone/engine/') || target.startsWith('shared/'), `${name} imports ${target}`).toBe(true);
      }
    }
  });

  it('is reached by the rest of the console only through the port (start-phone creates it)', () => {
    const users = readdirSync(PHONE)
      .filter((name) => /\.tsx?$/.test(name))
      .filter((name) => imports(join(PHONE, name)).some((spec) => spec.startsWith('./engine/')));
    expect(users).toEqual(['start-phone.ts']);
  });
});
