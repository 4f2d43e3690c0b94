import os from 'node:os';

/** Who is at the keyboard, for the audit trail and the workspace lock. */
export interface Identity {
  osUser: string;
  machine: string;
}

export function currentIdentity(): Identity {
  let osUser = process.env.USER || process.env.USERNAME || 'unknown';
  try {
    osUser = os.userInfo().username || osUser;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers); the environment name stands.
  }
  return { osUser, machine: os.hostname() };
}
