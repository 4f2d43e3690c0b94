import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR, SHIPPED_DIR } from '../helpers/reference';

describe('the demo data the app ships', () => {
  it('is the published August 2023 KAD tables, unchanged', () => {
    const shipped = fs.readdirSync(SHIPPED_DIR).filter((f) => f.startsWith('kad-'));
    expect(shipped).toHaveLength(6);
    if (!fs.existsSync(REFERENCE_DIR)) return; // the reference folder sits beside the repository, not in it
    for (const f of shipped) expect(fs.readFileSync(path.join(SHIPPED_DIR, f), 'utf8'), f).toBe(fs.readFileSync(path.join(REFERENCE_DIR, f), 'utf8'));
    expect(fs.readdirSync(REFERENCE_DIR).filter((f) => f.startsWith('kad-')).sort()).toEqual(shipped.sort());
  });
});
