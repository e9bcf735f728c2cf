import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from '../../../../shared/guidance/script';
import type { LineSnapshot } from '../../../../shared/phone/phone-protocol';
import { usePhoneStore } from '../../../../renderer/src/features/phone/phone-store';

const SCRIPTS = join(import.meta.dirname, '../../../../resources/guidance/scripts');

/** A script as the product ships it (resources/guidance/scripts). */
export const shippedScript = (file: string): Script => Script.parse(JSON.parse(readFileSync(join(SCRIPTS, file), 'utf8')));

/** The phone store as it starts, before any test touched it. */
export const initialPhone = usePhoneStore.getState();

/** Line 1 with a call in progress on it (answered a few seconds ago), or idle again with null. */
export function putCallOnLine(callId: string | null): void {
  const idle = initialPhone.lines[1];
  const line: LineSnapshot =
    callId === null ? idle : { ...idle, state: { name: 'active' }, callId, direction: 'inbound', startedAt: Date.now() - 5_000, answeredAt: Date.now() - 4_000 };
  usePhoneStore.setState({ lines: { ...initialPhone.lines, 1: line } });
}
