/**
 * A small seeded random number generator (sfc32, seeded through cyrb128). Demo data must be the
 * same byte for byte for the same seed on every machine, so nothing here touches Math.random or
 * the clock. Each customer gets its own stream keyed by (seed, index): customer 812,345 can be
 * regenerated on its own (the benchmark does, to dial a customer's number) without the 812,344
 * before it.
 */

/** Four 32-bit words from a string (cyrb128): a well-spread starting state for sfc32. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The low 16 bits as four hex digits. */
function hex4(n: number): string {
  return HEX_BYTE[(n >>> 8) & 0xff]! + HEX_BYTE[n & 0xff]!;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(state: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = state;
    // The first outputs of a fresh sfc32 still echo the seed; discard them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  static fromSeed(seed: string): Prng {
    return new Prng(hashSeed(seed));
  }

  /** An independent stream for one item of a seeded set (customer `index` of seed `seed`). */
  static forItem(seed: string, stream: string, index: number): Prng {
    return new Prng(hashSeed(`${seed}\u0000${stream}\u0000${index}`));
  }

  uint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks by weight: `[['PH', 50], ['BR', 35], ['US', 15]]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let roll = this.float() * total;
    for (const [value, w] of choices) {
      roll -= w;
      if (roll < 0) return value;
    }
    const last = choices.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** `count` decimal digits, leading zeros allowed. */
  digits(count: number): string {
    let out = '';
    // Nine digits per draw fit well inside 32 bits; one draw instead of one per digit.
    for (let left = count; left > 0; left -= 9) {
      const n = Math.min(9, left);
      out += String(Math.floor(this.float() * POWERS_OF_TEN[n]!)).padStart(n, '0');
    }
    return out;
  }

  /** A version-4-shaped UUID: ids look like the server's own, yet repeat for the same seed. */
  uuid(): string {
    const a = this.uint32();
    const b = (this.uint32() & 0xffff0fff) | 0x00004000;
    const c = (this.uint32() & 0x3fffffff) | 0x80000000;
    const d = this.uint32();
    return (
      hex4(a >>> 16) + hex4(a) + '-' + hex4(b >>> 16) + '-' + hex4(b) + '-' + hex4(c >>> 16) + '-' + hex4(c) + hex4(d >>> 16) + hex4(d)
    );
  }
}
