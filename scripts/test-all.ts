/**
 * `npm test`: every check, in stages. Within a stage the steps run side by side: lint, the
 * typecheck and the build are each mostly one thread, so on a two-core machine the three together
 * take little longer than the slowest alone. The test suites each use every core, so they follow
 * one another. The first stage that fails stops the run, with its exit status.
 */
import { spawn } from 'node:child_process';

const STAGES: readonly (readonly string[])[] = [
  ['lint', 'typecheck', 'build'],
  ['test:unit'],
  ['test:integration'],
  // The build above is what the end-to-end tests serve; `npm run test:e2e` alone builds first.
  ['test:e2e:run'],
];

function run(script: string): Promise<{ script: string; code: number; seconds: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('exit', (code, signal) => done({ script, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000 }));
    child.once('error', (error) => {
      console.error(`test: cannot start ${script}: ${error.message}`);
      done({ script, code: 1, seconds: 0 });
    });
  });
}

for (const stage of STAGES) {
  const results = await Promise.all(stage.map(run));
  for (const r of results) console.log(`test: ${r.script} ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(0)} s`);
  const failed = results.find((r) => r.code !== 0);
  if (failed) process.exit(failed.code);
}
