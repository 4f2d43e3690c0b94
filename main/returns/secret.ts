import crypto from 'node:crypto';
import type { Workspace } from '../store/workspace';

/**
 * The workspace's identity and the key signing each return's identity sheet. Made once by the core
 * migration 0020 in a table no trigger audits; read here only, never written into an audited value, an
 * audit export, a pack or a return (a return carries only the signature).
 */
function secret(ws: Workspace): { workspaceId: string; key: Buffer } {
  const row = ws.db.prepare('SELECT workspace_id, hmac_key FROM workspace_secret WHERE id = 1').get() as { workspace_id: string; hmac_key: Buffer } | undefined;
  if (!row) throw new Error('this workspace has no return signing key');
  return { workspaceId: row.workspace_id, key: row.hmac_key };
}

export function workspaceId(ws: Workspace): string {
  return secret(ws).workspaceId;
}

/** HMAC-SHA256 of the text, hex. */
export function sign(ws: Workspace, text: string): string {
  return crypto.createHmac('sha256', secret(ws).key).update(text, 'utf8').digest('hex');
}

export function verify(ws: Workspace, text: string, signature: string): boolean {
  const expected = Buffer.from(sign(ws, text), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
