import { searchTokens } from '../search/fold';

/**
 * Two things about the words in a script: the values the console fills in (`{reference}`), and
 * whether a suggested phrase says something the script itself warns against.
 */

/**
 * The values a phrase may name in braces. The console fills them from the call (the reference
 * number to read out, the customer's name); anything in square brackets, like "[day]", is left for
 * the agent to say in their own words.
 */
export const SCRIPT_PLACEHOLDERS = ['customer', 'agent', 'reference', 'item', 'offer', 'days'] as const;
export type ScriptPlaceholder = (typeof SCRIPT_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}\s]+)\}/g;

/** The placeholder names a text uses, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names)];
}

export function isKnownPlaceholder(name: string): name is ScriptPlaceholder {
  return (SCRIPT_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Fills the placeholders it has values for and leaves the others visible, so nothing is silently dropped. */
export function fillPlaceholders(text: string, values: Partial<Record<ScriptPlaceholder, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (isKnownPlaceholder(name) ? (values[name] ?? whole) : whole));
}

/**
 * True when `text` says `phrase`: the same words in a row, ignoring case, accents and punctuation,
 * so "Sir, kumalma po kayo." says "kumalma po kayo" but "calmly" does not say "calm".
 */
export function saysPhrase(text: string, phrase: string): boolean {
  const words = searchTokens(text);
  const wanted = searchTokens(phrase);
  if (wanted.length === 0 || wanted.length > words.length) return false;
  for (let start = 0; start + wanted.length <= words.length; start++) {
    if (wanted.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}
