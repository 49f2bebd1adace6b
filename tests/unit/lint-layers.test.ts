import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules are only worth having if they fire: lint a wrong-way import in each layer. */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('layer rules', () => {
  it('keep Node, Electron and the DOM out of src/core', async () => {
    expect(await ruleIdsFor('src/core/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/core/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/core/bad.ts', 'export const w = window.location;\n')).toContain('no-restricted-globals');
    expect(await ruleIdsFor('src/core/good.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('keep electron inside the shell', async () => {
    expect(await ruleIdsFor('src/main/services/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/index.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });

  it('keep Node and main-process code out of the renderer', async () => {
    expect(await ruleIdsFor('src/renderer/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/renderer/bad.ts', "import { openDatabase } from '../main/db/open';\nexport const x = openDatabase;\n")).toContain('no-restricted-imports');
  });
});
