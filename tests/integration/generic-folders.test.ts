import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { areas } from '../../main/areas';
import { GENERIC_PATHS } from '../../scripts/generic-folders.mjs';

/**
 * The generic engines name no area: not by importing its folder (the lint rule) and not by its id or
 * name as text either (`registry.get('kad')` from generic code would defeat the registry).
 */
const ROOT = path.resolve(__dirname, '../..');

function files(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) out.push(...files(rel, true));
    } else if (/\.(ts|tsx|sql|mjs|css)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const generic = GENERIC_PATHS.flatMap((p) => ('file' in p ? [p.file] : files(p.dir, p.recursive)));

describe('generic folders', () => {
  it('cover the engines', () => {
    for (const must of ['main/store/workspace.ts', 'main/import/jobs.ts', 'main/pack/build.ts', 'main/cli/index.ts', 'main/api/handlers.ts', 'shared/api/contract.ts']) expect(generic).toContain(must);
    // The renderer's shell, core pages, print frame and generic grid, stylesheets included.
    for (const must of ['renderer/src/main.tsx', 'renderer/src/styles.css', 'renderer/src/app/App.tsx', 'renderer/src/app/Nav.tsx', 'renderer/src/checks/ChecksPage.tsx', 'renderer/src/print/PrintView.tsx', 'renderer/src/print/print.css', 'renderer/src/grid/grid.css', 'renderer/src/settings/SettingsPage.tsx', 'renderer/src/help/HelpPage.tsx', 'renderer/src/areas/types.ts']) expect(generic).toContain(must);
    // Of the renderer's areas folder, only the interface: the registry lists the areas and each area's folder is its own.
    expect(generic.filter((f) => f.startsWith('renderer/src/areas/'))).toEqual(['renderer/src/areas/types.ts']);
  });

  it.each(areas().map((a) => [a.shared.id, a.shared.name]))('never name the area %s (%s)', (id, name) => {
    const idWord = new RegExp(`(^|[^a-z0-9])${id}([^a-z0-9]|$)`, 'i');
    const hits: string[] = [];
    for (const file of generic) {
      fs.readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (idWord.test(line) || line.toLowerCase().includes(name.toLowerCase())) hits.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
