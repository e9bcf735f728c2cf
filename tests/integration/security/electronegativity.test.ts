import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../../fixtures/processes';

const run = promisify(execFile);

// Doyensec's Electronegativity reviews the Electron shell for insecure settings. It works offline
// when given the Electron version; a HIGH finding fails the build.
describe('Electronegativity', () => {
  it('finds nothing of high severity in the Electron shell', async () => {
    const out = tempDir('eneg');
    try {
      const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
      const csv = join(out.path, 'report.csv');
      await run(process.execPath, [join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', join(ROOT, 'electron'), '-e', electronVersion, '-o', csv], {
        cwd: ROOT,
        timeout: 120_000,
      });
      const report = readFileSync(csv, 'utf8');
      // The scan really ran: it reports the preload it found for review.
      expect(report).toContain('PRELOAD_JS_CHECK');
      const high = report.split('\n').filter((line) => /^[A-Z_]+,"HIGH"/.test(line));
      expect(high).toEqual([]);
    } finally {
      out.remove();
    }
  }, 150_000);
});
