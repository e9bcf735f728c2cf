import type { Input } from 'electron';

/** Ctrl/Cmd+R, Ctrl/Cmd+Shift+R and F5: one stray key would otherwise drop the agent's call. */
export function isReloadKey(input: Pick<Input, 'type' | 'key' | 'control' | 'meta'>): boolean {
  if (input.type !== 'keyDown') return false;
  return input.key === 'F5' || ((input.control || input.meta) && input.key.toLowerCase() === 'r');
}
