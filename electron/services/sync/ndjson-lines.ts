import { ContractFailure } from '../../../shared/contract/core';

/**
 * Splits a byte stream into NDJSON lines without holding more than one line in memory. Chunks
 * may end anywhere: in the middle of a line, or inside a multi-byte UTF-8 character. Only the new
 * text of each chunk is searched for a newline, so a long line costs linear time.
 */

/** One pull batch line stays far below this; a longer line is a server (or proxy) gone wrong. */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;

export class NdjsonError extends ContractFailure {
  constructor(
    readonly line: number,
    why: string,
  ) {
    super('UNAVAILABLE', `The Kalma server sent an unreadable sync stream (line ${line}: ${why}).`);
    this.name = 'NdjsonError';
  }
}

export interface NdjsonLine {
  /** 1-based, counting blank lines too, for error messages. */
  number: number;
  text: string;
}

export async function* ndjsonLines(
  chunks: AsyncIterable<Uint8Array>,
  maxLineChars = MAX_LINE_CHARS,
): AsyncGenerator<NdjsonLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: string[] = [];
  let pendingChars = 0;
  let number = 0;

  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new NdjsonError(number + 1, 'not UTF-8');
    }
  };
  const take = (tail: string): NdjsonLine => {
    pending.push(tail);
    const joined = pending.join('');
    pending = [];
    pendingChars = 0;
    number += 1;
    return { number, text: joined.endsWith('\r') ? joined.slice(0, -1) : joined };
  };

  for await (const chunk of chunks) {
    const text = decode(chunk);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      const line = take(text.slice(from, nl));
      from = nl + 1;
      if (line.text.trim() !== '') yield line;
    }
    if (from < text.length) {
      const rest = text.slice(from);
      pending.push(rest);
      pendingChars += rest.length;
      if (pendingChars > maxLineChars) throw new NdjsonError(number + 1, `longer than ${maxLineChars} characters`);
    }
  }
  const last = take(decode());
  // A last line without its newline is still a line; if the stream was cut inside it, the
  // JSON parse of that fragment fails and nothing of it is applied.
  if (last.text.trim() !== '') yield last;
}
