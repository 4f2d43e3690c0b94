import fs from 'node:fs';
import path from 'node:path';

const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smbfs', 'smb3', 'sshfs', 'fuse.sshfs', 'afpfs', '9p', 'davfs', 'fuse.davfs2']);

/**
 * SQLite's file locking is unreliable on network shares, so we warn when a workspace sits on one.
 * Windows UNC paths and mapped drives that resolve to UNC are shares; on Linux /proc/mounts says.
 */
export function networkShareWarning(file: string, mountsText?: string): string | null {
  const abs = path.resolve(file);
  const warning = 'This workspace is on a network drive. Outturn cannot guarantee safe saving there: copy it to this computer (for example your Documents folder) before editing.';
  if (abs.startsWith('\\\\') || abs.startsWith('//')) return warning;
  let mounts = mountsText;
  if (mounts === undefined) {
    try {
      mounts = fs.readFileSync('/proc/mounts', 'utf8');
    } catch {
      return null;
    }
  }
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, point, type] = line.split(' ');
    if (!point || !type) continue;
    const mountPoint = point.replace(/\\040/g, ' ');
    if ((abs === mountPoint || abs.startsWith(mountPoint.endsWith('/') ? mountPoint : mountPoint + '/')) && (!best || mountPoint.length > best.point.length)) {
      best = { point: mountPoint, type };
    }
  }
  return best && NETWORK_FS.has(best.type) ? warning : null;
}
