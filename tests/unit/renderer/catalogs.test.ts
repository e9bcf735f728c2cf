import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/contract';
import { LANGUAGES, Role } from '../../../shared/domain/user';
import { catalogs } from '../../../renderer/src/i18n/i18n';
import { flatten } from './support/catalog-keys';

const flat = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(catalogs[language])])) as Record<
  (typeof LANGUAGES)[number],
  Map<string, string>
>;
const allKeys = new Set(LANGUAGES.flatMap((language) => [...flat[language].keys()]));
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();

describe('catalogs', () => {
  it('hold the same keys in English, Filipino and Portuguese', () => {
    for (const language of LANGUAGES) {
      const missing = [...allKeys].filter((key) => !flat[language].has(key));
      expect(missing, `missing in ${language}`).toEqual([]);
    }
  });

  it('have no empty text', () => {
    for (const language of LANGUAGES) {
      const empty = [...flat[language]].filter(([, value]) => value.trim() === '').map(([key]) => key);
      expect(empty, `empty in ${language}`).toEqual([]);
    }
  });

  it('use the same interpolation placeholders in every language', () => {
    for (const key of allKeys) {
      const expected = placeholders(flat.en.get(key) ?? '');
      for (const language of LANGUAGES) expect(placeholders(flat[language].get(key) ?? ''), `${language}: ${key}`).toEqual(expected);
    }
  });

  it('explain every contract error code and name every role', () => {
    for (const language of LANGUAGES) {
      for (const code of ErrorCode.options) expect(flat[language].has(`errors.${code}`), `${language}: errors.${code}`).toBe(true);
      for (const role of Role.options) expect(flat[language].has(`roles.${role}`), `${language}: roles.${role}`).toBe(true);
    }
  });

  it('name each language in its own words, the same on every screen', () => {
    for (const language of LANGUAGES) {
      expect(flat[language].get('language.names.fil')).toBe('Filipino');
      expect(flat[language].get('language.names.pt-BR')).toBe('Português (Brasil)');
      expect(flat[language].get('language.names.en')).toBe('English');
    }
  });

  it('give the sign-in failures their agreed English wording', () => {
    expect(flat.en.get('signIn.wrongCredentials')).toBe('Wrong username or password.');
    expect(flat.en.get('errors.RATE_LIMITED')).toBe('Too many attempts. Wait a moment and try again.');
    expect(flat.en.get('errors.UNAVAILABLE')).toMatch(/^Can't reach the Kalma server/);
  });

  it('translate the words a person reads most, instead of leaving English behind', () => {
    // Words that are the same in Taglish on purpose (Username, Password, Supervisor…) are fine;
    // these are the ones an untranslated catalog would give away.
    for (const key of ['signIn.intro', 'signIn.wrongCredentials', 'errors.UNAVAILABLE', 'pane.failed', 'workspace.signOut']) {
      expect(flat.fil.get(key), `fil: ${key}`).not.toBe(flat.en.get(key));
      expect(flat['pt-BR'].get(key), `pt-BR: ${key}`).not.toBe(flat.en.get(key));
    }
  });

  it('contain every key the console looks up by name', () => {
    const sources = listFiles(join(import.meta.dirname, '../../../renderer/src')).filter((file) => /\.tsx?$/.test(file));
    const used = new Set<string>();
    for (const file of sources) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    // A plural is looked up by its base name and stored as i18next's `_one`/`_other` pair.
    const known = (key: string) => flat.en.has(key) || (flat.en.has(`${key}_one`) && flat.en.has(`${key}_other`));
    expect([...used].filter((key) => !known(key))).toEqual([]);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
