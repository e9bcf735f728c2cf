import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint layering rules are the architecture's enforcement: each case below is a deliberate
// violation that `npm run lint` must reject, and a legal import it must accept.
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layering rules', () => {
  it('refuse the renderer importing electron, Node or host code', async () => {
    expect(await layeringErrors('renderer/src/features/bad.tsx', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n")).toEqual([
      expect.stringContaining('only through the contract'),
    ]);
    expect(await layeringErrors('renderer/src/features/bad.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/features/bad.ts', "import { x } from '../../../electron/services/x';\nvoid x;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/features/bad.ts', "import { x } from '../../../server/app';\nvoid x;\n")).toHaveLength(1);
  });

  it('refuse shared/ touching Node, the DOM, React or other layers', async () => {
    expect(await layeringErrors('shared/domain/bad.ts', "import { createHash } from 'node:crypto';\nvoid createHash;\n")).toHaveLength(1);
    expect(await layeringErrors('shared/domain/bad.ts', "import React from 'react';\nvoid React;\n")).toHaveLength(1);
    expect(await layeringErrors('shared/domain/bad.ts', "import { x } from '../../renderer/src/x';\nvoid x;\n")).toHaveLength(1);
    expect(await layeringErrors('shared/domain/bad.ts', 'export const lang = navigator.language;\n')).toHaveLength(1);
  });

  it('refuse electron in host-agnostic services and in the server', async () => {
    expect(await layeringErrors('electron/services/bad.ts', "import { app } from 'electron';\nvoid app;\n")).toEqual([expect.stringContaining('host-agnostic')]);
    expect(await layeringErrors('server/bad.ts', "import { app } from 'electron';\nvoid app;\n")).toHaveLength(1);
  });

  it('accept the imports each layer is allowed', async () => {
    expect(await layeringErrors('renderer/src/features/ok.ts', "import { calls } from '../../../shared/contract';\nvoid calls;\n")).toEqual([]);
    expect(await layeringErrors('electron/services/ok.ts', "import { readFileSync } from 'node:fs';\nimport { calls } from '../../shared/contract';\nvoid readFileSync; void calls;\n")).toEqual([]);
    expect(await layeringErrors('shared/domain/ok.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });
});
