import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where tests save the pictures the README shows. `npm test` must leave the repository as it was, so
 * they go to a temporary folder unless OUTTURN_SCREENSHOTS_DIR names one: `npm run screenshots` points
 * it at docs/screenshots to refresh the README's pictures.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.OUTTURN_SCREENSHOTS_DIR ? path.resolve(process.env.OUTTURN_SCREENSHOTS_DIR) : path.join(os.tmpdir(), 'outturn-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
