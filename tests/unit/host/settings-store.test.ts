import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_FILE, SettingsStore } from '../../../electron/services/settings-store';
import { tempDir } from '../../fixtures/processes';

describe('the settings file', () => {
  let dir: { path: string; remove(): void };
  beforeEach(() => {
    dir = tempDir('settings');
  });
  afterEach(() => dir.remove());

  const file = () => join(dir.path, SETTINGS_FILE);

  it('starts with defaults and remembers changes across launches', () => {
    const first = SettingsStore.open(dir.path);
    expect(first.get()).toEqual({ language: 'en' });
    first.update({ language: 'pt-BR', windowBounds: { x: 10, y: 20, width: 1200, height: 800, maximized: true } });

    const next = SettingsStore.open(dir.path);
    expect(next.get()).toEqual({ language: 'pt-BR', windowBounds: { x: 10, y: 20, width: 1200, height: 800, maximized: true } });
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(dir.path)).toEqual([SETTINGS_FILE]);
  });

  it('sets a corrupt file aside, keeps it for inspection, and starts with defaults', () => {
    writeFileSync(file(), '{"language": "fil", "windowBo');
    const store = SettingsStore.open(dir.path);
    expect(store.get()).toEqual({ language: 'en' });

    const aside = readdirSync(dir.path).filter((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir.path, aside[0]!), 'utf8')).toBe('{"language": "fil", "windowBo');

    // The console keeps working: the next change writes a good file.
    store.update({ language: 'fil' });
    expect(SettingsStore.open(dir.path).get().language).toBe('fil');
  });

  it('sets aside a file that is valid JSON but not valid settings', () => {
    writeFileSync(file(), JSON.stringify({ language: 'klingon', serverUrl: 'javascript:alert(1)' }));
    expect(SettingsStore.open(dir.path).get()).toEqual({ language: 'en' });
    expect(readdirSync(dir.path).some((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`))).toBe(true);
  });

  it('recovers when a folder stands where the file should be', () => {
    mkdirSync(file());
    const store = SettingsStore.open(dir.path);
    expect(store.get().language).toBe('en');
    store.update({ language: 'fil' });
    expect(SettingsStore.open(dir.path).get().language).toBe('fil');
  });

  it('reads a file from an older version that lacks newer fields', () => {
    writeFileSync(file(), JSON.stringify({ language: 'fil' }));
    expect(SettingsStore.open(dir.path).get()).toEqual({ language: 'fil' });
    expect(readdirSync(dir.path)).toEqual([SETTINGS_FILE]);
  });

  it('refuses an invalid change and keeps the saved settings', () => {
    const store = SettingsStore.open(dir.path);
    store.update({ language: 'fil' });
    expect(() => store.update({ language: 'xx' as never })).toThrow();
    expect(store.get().language).toBe('fil');
    expect(SettingsStore.open(dir.path).get().language).toBe('fil');
  });
});
