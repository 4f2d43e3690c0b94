import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir, SHIPPED_DIR } from '../helpers/reference';

describe('the demo data the app ships', () => {
  it('is the published August 2023 tables, unchanged', () => {
    const shipped = fs.readdirSync(SHIPPED_DIR).filter((f) => f.endsWith('.json'));
    expect(shipped.filter((f) => f.startsWith('kad-'))).toHaveLength(6);
    const reference = referenceDir();
    for (const f of shipped) expect(fs.readFileSync(path.join(SHIPPED_DIR, f), 'utf8'), f).toBe(fs.readFileSync(path.join(reference, f), 'utf8'));
  });
});
