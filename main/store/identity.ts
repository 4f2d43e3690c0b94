import os from 'node:os';

/** Who is at the keyboard, for the audit trail, the workspace lock and the month-end sign-off. */
export interface Identity {
  osUser: string;
  machine: string;
}

/**
 * Tests need a second officer (a reviewer who is not the preparer) without a second OS account. The
 * override is read here and nowhere else, and only while NODE_ENV is `test` (vitest sets it; the app,
 * the CLI and the packaged Electron build never do), so production code cannot reach it by accident.
 * It is a convenience for tests, not a security boundary: whoever can set environment variables can
 * also edit the workspace file directly.
 */
export const TEST_USER_VARIABLE = 'OUTTURN_TEST_OS_USER';

function testOverride(): string | null {
  if (process.env.NODE_ENV !== 'test') return null;
  const name = process.env[TEST_USER_VARIABLE]?.trim();
  return name ? name : null;
}

export function currentIdentity(): Identity {
  let osUser = process.env.USER || process.env.USERNAME || 'unknown';
  try {
    osUser = os.userInfo().username || osUser;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers); the environment name stands.
  }
  return { osUser: testOverride() ?? osUser, machine: os.hostname() };
}
