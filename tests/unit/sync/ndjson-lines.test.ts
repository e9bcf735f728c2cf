import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ndjsonLines, NdjsonError } from '../../../electron/services/sync/ndjson-lines';
import { parsePullLine } from '../../../electron/services/sync/pull-frames';

const bytes = (text: string) => new TextEncoder().encode(text);

async function* chunked(data: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= data.length) continue;
    yield data.subarray(from, cut);
    from = cut;
  }
  yield data.subarray(from);
}

async function linesOf(source: AsyncIterable<Uint8Array>, max?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of ndjsonLines(source, max)) out.push(line.text);
  return out;
}

const STREAM = [
  '{"type":"start","remaining":2}',
  '{"type":"batch","rows":[{"entity":"customer","data":{"id":"c1","name":"João Gonçalves","version":1}}],"cursor":"k1"}',
  '{"type":"batch","rows":[{"entity":"customer","data":{"id":"c2","name":"Ma. Señora Nuñez 👩‍💼","version":2}}],"cursor":"k2"}',
  '{"type":"end","cursor":"k2","more":false}',
];

describe('NDJSON lines', () => {
  it('gives the same lines wherever the chunks are cut, even inside a multi-byte character', async () => {
    const data = bytes(`${STREAM.join('\n')}\n`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: data.length - 1 }), { maxLength: 40 }), async (cuts) => {
        expect(await linesOf(chunked(data, cuts))).toEqual(STREAM);
      }),
      { numRuns: 200 },
    );
  });

  it('survives one byte per chunk', async () => {
    const data = bytes(`${STREAM.join('\n')}\n`);
    expect(await linesOf(chunked(data, [...data.keys()]))).toEqual(STREAM);
  });

  it('reads CRLF endings, skips blank lines, and keeps a last line that has no newline', async () => {
    const text = `${STREAM[0]}\r\n\r\n\n${STREAM[3]}`;
    expect(await linesOf(chunked(bytes(text), [5, 33]))).toEqual([STREAM[0], STREAM[3]]);
  });

  it('counts line numbers including blank lines, for error messages', async () => {
    const numbers: number[] = [];
    for await (const line of ndjsonLines(chunked(bytes('a\n\nb\n'), [1]))) numbers.push(line.number);
    expect(numbers).toEqual([1, 3]);
  });

  it('refuses a line longer than the limit before buffering all of it', async () => {
    const long = bytes(`${'x'.repeat(5_000)}`);
    await expect(linesOf(chunked(long, [1_000, 2_000, 3_000]), 2_500)).rejects.toThrow(/line 1: longer than 2500 characters/);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bad = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x0a]);
    await expect(linesOf(chunked(bad, []))).rejects.toBeInstanceOf(NdjsonError);
  });
});

describe('pull frame lines', () => {
  it('reads the three frames', () => {
    expect(parsePullLine(STREAM[0]!, 1)).toEqual({ type: 'start', remaining: 2 });
    expect(parsePullLine(STREAM[1]!, 2)).toMatchObject({ type: 'batch', cursor: 'k1', rows: [{ entity: 'customer' }] });
    expect(parsePullLine(STREAM[3]!, 4)).toEqual({ type: 'end', cursor: 'k2', more: false });
  });

  it.each([
    ['a cut-off line', '{"type":"batch","rows":[{"entity":"cust', /line 7: not JSON/],
    ['an unknown frame', '{"type":"surprise"}', /line 7: not a pull frame/],
    ['a batch without cursor', '{"type":"batch","rows":[]}', /line 7: not a pull frame \(cursor/],
    ['a negative estimate', '{"type":"start","remaining":-1}', /line 7: not a pull frame \(remaining/],
    ['a bare value', '42', /line 7: not a pull frame/],
  ])('refuses %s with the line number and UNAVAILABLE', (_what, line, message) => {
    let caught: unknown;
    try {
      parsePullLine(line, 7);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NdjsonError);
    expect((caught as NdjsonError).code).toBe('UNAVAILABLE');
    expect((caught as Error).message).toMatch(message);
  });
});
