import { foldForSearch, identifierKey, searchTokens } from './fold';

/**
 * Turns what an agent types into a safe FTS5 MATCH expression for search-as-you-type.
 *
 * Nothing the user types is passed to FTS5 as syntax: the text is split into the same tokens the
 * index holds and every token is quoted, so `"`, `*`, `NEAR(`, `AND`, `-col:` and `'; DROP TABLE`
 * are just words (or nothing). Tokens are ANDed; the last one is a prefix unless the agent has
 * already typed a space after it.
 */

export const MAX_SEARCH_TEXT = 200;
export const MAX_SEARCH_TOKENS = 8;
const MAX_TOKEN_LENGTH = 64;

export interface SearchQuery {
  /** The FTS5 MATCH expression, or null when the text holds no searchable word. */
  match: string | null;
  /** The folded text, for comparing against folded names (ranking, name-prefix lookups). */
  folded: string;
  /** What a name must start with: the folded text, plus a space once the agent typed one. */
  namePrefix: string;
  tokens: string[];
  /** Identifier key (account/order number) when the text could be one, else null. */
  identifier: string | null;
  /** True when the text is only digits and phone punctuation, with enough digits to dial. */
  phoneLike: boolean;
}

const quote = (token: string): string => `"${token.replaceAll('"', '""')}"`;

const PHONE_CHARS = /^[+\d\s().\-/]+$/u;
const MIN_PHONE_DIGITS = 7;
const MIN_IDENTIFIER_LENGTH = 4;
const MAX_IDENTIFIER_LENGTH = 64;

export function buildSearchQuery(text: string): SearchQuery {
  const clipped = text.slice(0, MAX_SEARCH_TEXT);
  const tokens = searchTokens(clipped)
    .slice(0, MAX_SEARCH_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
  const typingLastWord = !/\s$/u.test(clipped);
  // A one-letter prefix has no prefix index and would merge every term starting with it, the
  // slowest query FTS5 can run; it is left to the name ranking (`maria s` → Maria Santos first).
  const last = tokens.at(-1) ?? '';
  const ftsTokens = typingLastWord && tokens.length > 1 && [...last].length === 1 ? tokens.slice(0, -1) : tokens;
  const match =
    ftsTokens.length === 0
      ? null
      : ftsTokens
          .map((t, i) => (i === tokens.length - 1 && typingLastWord ? `${quote(t)}*` : quote(t)))
          .join(' ');

  const digitCount = (clipped.match(/\d/g) ?? []).length;
  const phoneLike = PHONE_CHARS.test(clipped.trim()) && digitCount >= MIN_PHONE_DIGITS;

  const key = identifierKey(clipped);
  const identifier =
    /\d/.test(key) && key.length >= MIN_IDENTIFIER_LENGTH && key.length <= MAX_IDENTIFIER_LENGTH && tokens.length <= 3
      ? key
      : null;

  const folded = foldForSearch(clipped);
  const namePrefix = folded !== '' && !typingLastWord ? `${folded} ` : folded;
  return { match, folded, namePrefix, tokens, identifier, phoneLike };
}
