/**
 * Folding for search: what an agent types and what the cache indexes go through the same function,
 * so `joao` finds João, `nunez` finds Nuñez and `DELA  cruz` finds Dela Cruz whatever Unicode
 * normalization form the text arrived in (macOS and some CRMs send decomposed accents).
 *
 * The FTS5 tokenizer (unicode61, remove_diacritics 2) folds accents too; folding before it as well
 * keeps the name-prefix index (a plain B-tree, which knows nothing about accents) in agreement.
 */

// Letters that carry no combining mark to strip, so NFKD leaves them alone.
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const EXTRA_FOLD_PATTERN = /[øłđðħıßæœþ]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE_RUNS = /\s+/gu;

/** Lower-case, accent-free, single-spaced text for comparing names. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(EXTRA_FOLD_PATTERN, (ch) => EXTRA_FOLDS[ch] ?? ch)
    .replace(WHITESPACE_RUNS, ' ')
    .trim();
}

// The characters unicode61 treats as part of a token: letters, numbers, private-use (Co).
// Everything else separates tokens, exactly as FTS5 will split the indexed text.
const TOKEN_RUNS = /[\p{L}\p{N}\p{Co}]+/gu;

/** The words of a text as the FTS5 tokenizer will see them, after folding. */
export function searchTokens(text: string): string[] {
  return foldForSearch(text).match(TOKEN_RUNS) ?? [];
}

/**
 * The key an identifier (account number, order number) is matched by: folded, letters and digits
 * only, upper case. `ac-000 123`, `AC000123` and `AC.000.123` are the same account.
 */
export function identifierKey(text: string): string {
  return searchTokens(text).join('').toUpperCase();
}
