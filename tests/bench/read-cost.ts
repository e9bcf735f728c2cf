/**
 * Dev aid (not part of `npm run bench`): the benchmark's caller-ID lookups and searches against a
 * cache file already loaded (apply-cost.ts leaves `<dir>/cache-0.sqlite`), timed per call in CPU
 * time, so that the tail shows what the code costs rather than when the machine was busy; split by
 * the caller ID's form and by what was typed.
 *
 *   npx tsx tests/bench/read-cost.ts --file /tmp/kalma-apply/cache-0.sqlite --customers 20000 [--only lookup|search]
 */
import { parseArgs } from 'node:util';
import { openCache } from '../../electron/services/cache/customer-cache';
import { DEFAULT_DEMO_SEED } from '../../server/demo-data/generator';
import { lookupSamples, searchSamples, summarize, type Timings } from './samples';

const { values } = parseArgs({
  options: { file: { type: 'string' }, customers: { type: 'string' }, only: { type: 'string' }, region: { type: 'string' }, seed: { type: 'string' } },
});
if (!values.file || !values.customers) {
  console.error('usage: read-cost.ts --file cache.sqlite --customers N [--only lookup|search]');
  process.exit(2);
}
const customers = Number(values.customers);
const seed = values.seed ?? DEFAULT_DEMO_SEED;
const cache = openCache(values.file, { region: values.region ?? 'PH' });

function time<T>(label: string, samples: readonly T[], run: (sample: T) => unknown, kindOf: (sample: T) => string): void {
  for (const sample of samples.slice(0, 500)) run(sample);
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const sample of samples) {
    const before = process.cpuUsage();
    run(sample);
    const used = process.cpuUsage(before);
    const ms = (used.user + used.system) / 1000;
    all.push(ms);
    const list = byKind.get(kindOf(sample)) ?? [];
    list.push(ms);
    byKind.set(kindOf(sample), list);
  }
  const line = (name: string, t: Timings) => `${name.padEnd(16)} p50 ${t.p50.toFixed(3)} ms  p99 ${t.p99.toFixed(3)} ms  n ${t.count}`;
  console.log(line(label, summarize(all)));
  for (const [kind, list] of [...byKind].sort()) console.log(line(`  ${kind}`, summarize(list)));
}

if (values.only !== 'search') {
  time('lookup', lookupSamples(customers, 20_000, seed), (s) => cache.lookupByPhone(s.number), (s) =>
    s.customerId === null ? 'nobody' : s.number.trim().startsWith('+') ? 'international' : 'local',
  );
}
if (values.only !== 'lookup') time('search', searchSamples(customers, 6_000, seed), (s) => cache.search(s.text), (s) => s.kind);
cache.close();
