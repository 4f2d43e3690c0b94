import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../shared/api/errors';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES } from '../../shared/import/schemas';

/**
 * Files the renderer sends in chunks (the same way over IPC and HTTP), written to a private temp folder
 * and removed when the session ends.
 */
interface Upload {
  file: string;
  fileName: string;
  bytes: number;
  received: number;
}

export class Uploads {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-uploads-'));
  private uploads = new Map<string, Upload>();

  begin(fileName: string, bytes: number): string {
    if (bytes > MAX_UPLOAD_BYTES) throw new UserError('invalid_input', `${fileName} is ${(bytes / 1048576).toFixed(0)} MB; Outturn imports files up to ${MAX_UPLOAD_BYTES / 1048576} MB.`);
    const id = crypto.randomUUID();
    const file = path.join(this.dir, id);
    fs.writeFileSync(file, '');
    this.uploads.set(id, { file, fileName: path.basename(fileName), bytes, received: 0 });
    return id;
  }

  chunk(id: string, offset: number, base64: string): number {
    const up = this.get(id);
    if (offset !== up.received) throw new UserError('invalid_input', 'Part of the file went missing on the way; please choose it again.');
    const data = Buffer.from(base64, 'base64');
    if (data.length > UPLOAD_CHUNK_BYTES || up.received + data.length > up.bytes) throw new UserError('invalid_input', 'The file is larger than announced; please choose it again.');
    fs.appendFileSync(up.file, data);
    up.received += data.length;
    return up.received;
  }

  /** The complete file, once every byte has arrived. */
  complete(id: string): { file: string; fileName: string } {
    const up = this.get(id);
    if (up.received !== up.bytes) throw new UserError('invalid_input', `Only ${up.received} of ${up.bytes} bytes of ${up.fileName} arrived; please choose it again.`);
    return { file: up.file, fileName: up.fileName };
  }

  private get(id: string): Upload {
    const up = this.uploads.get(id);
    if (!up) throw new UserError('not_found', 'That upload is no longer available; please choose the file again.');
    return up;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
    this.uploads.clear();
  }
}
