import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rules that keep the core generic and the areas apart, tried on code that breaks them: a rule
 * that never fires would pass every lint run and protect nothing.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('area boundaries', () => {
  it('refuse a generic engine importing an area’s folder, on every side', async () => {
    expect(await restricted('main/pack/probe.ts', "import { kadArea } from '../areas/kad/area';\nexport const x = kadArea;\n")).toEqual([expect.stringContaining('only through the registry')]);
    expect(await restricted('renderer/src/checks/probe.ts', "import { kadRenderer } from '../areas/kad/area';\nexport const x = kadRenderer;\n")).toEqual([expect.stringContaining('only through the registry')]);
    expect(await restricted('main/pack/probe.ts', "import { areas } from '../areas';\nexport const x = areas;\n")).toEqual([]);
  }, 60_000);

  it('let one area read another only through its queries', async () => {
    // A second area's folder is enough for the rule to know it: any folder beside kad under main/areas.
    // The config lists the areas when it loads, so it is run afresh, as `npm run lint` does.
    fs.mkdirSync('main/areas/zz-probe', { recursive: true });
    try {
      const lint = (filePath: string, code: string) => {
        const res = spawnSync(process.execPath, ['node_modules/eslint/bin/eslint.js', '--format', 'json', '--stdin', '--stdin-filename', filePath], { input: code, encoding: 'utf8' });
        const [result] = JSON.parse(res.stdout) as { messages: { ruleId: string; message: string }[] }[];
        return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
      };
      expect(lint('main/areas/zz-probe/area.ts', "import { x } from '../kad/repository';\nexport const y = x;\n")).toEqual([expect.stringContaining('only through its queries.ts')]);
      expect(lint('main/areas/zz-probe/area.ts', "import { x } from '../kad/queries';\nexport const y = x;\n")).toEqual([]);
      expect(lint('main/areas/kad/probe.ts', "import { x } from '../zz-probe/service';\nexport const y = x;\n")).toEqual([expect.stringContaining('only through its queries.ts')]);
    } finally {
      fs.rmSync('main/areas/zz-probe', { recursive: true, force: true });
    }
  }, 60_000);
});
