/** Attributes whose words reach a person (read aloud or shown on hover). */
const SPOKEN_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-placeholder', 'aria-valuetext', 'placeholder', 'title', 'alt'];

// Digits, punctuation, symbols and spaces need no translation.
const LANGUAGE_FREE = /^[\d\s\p{P}\p{S}]*$/u;

/**
 * Every piece of visible or spoken text under `root` that is neither a catalog key nor
 * explicitly allowed. Run with i18next in 'cimode' (each lookup returns its key), any survivor is
 * a string that bypassed the catalogs and would show in English to a Filipino or Brazilian agent.
 */
export function rawTexts(root: Element, keys: ReadonlySet<string>, allowed: Iterable<string> = []): string[] {
  const allow = new Set(allowed);
  const ok = (text: string): boolean => LANGUAGE_FREE.test(text) || keys.has(text) || allow.has(text);
  const found: string[] = [];

  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && !ok(text)) found.push(text);
  }
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const name of SPOKEN_ATTRIBUTES) {
      const value = element.getAttribute(name)?.trim();
      if (value && !ok(value)) found.push(`${name}="${value}"`);
    }
    // Button-like inputs show their value as their label.
    if (element instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(element.type)) {
      const value = element.value.trim();
      if (value && !ok(value)) found.push(`value="${value}"`);
    }
  }
  return found;
}
