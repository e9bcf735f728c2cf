import { describe, expect, it } from 'vitest';
import { isReloadKey } from '../../../electron/main/reload-keys';

const key = (key: string, mods: { control?: boolean; meta?: boolean } = {}, type = 'keyDown') => ({
  type,
  key,
  control: mods.control ?? false,
  meta: mods.meta ?? false,
});

describe('reload keys in the packaged console', () => {
  it('catches every way to reload: Ctrl+R, Ctrl+Shift+R, Cmd+R and F5', () => {
    expect(isReloadKey(key('r', { control: true }))).toBe(true);
    expect(isReloadKey(key('R', { control: true }))).toBe(true);
    expect(isReloadKey(key('r', { meta: true }))).toBe(true);
    expect(isReloadKey(key('F5'))).toBe(true);
  });

  it('leaves typing alone: a plain r in a note, Ctrl+C, and key releases', () => {
    expect(isReloadKey(key('r'))).toBe(false);
    expect(isReloadKey(key('c', { control: true }))).toBe(false);
    expect(isReloadKey(key('r', { control: true }, 'keyUp'))).toBe(false);
  });
});
