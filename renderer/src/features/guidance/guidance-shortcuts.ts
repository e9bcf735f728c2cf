/**
 * The guidance hotkey, with Alt like the phone's (phone-shortcuts.ts) so typing never opens a
 * script, and matched on the physical key so it sits in the same place on every layout.
 */
export const GUIDANCE_SHORTCUTS = [{ id: 'upset', key: 'U' }] as const;

export function isGuidanceHotkey(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyU';
}
