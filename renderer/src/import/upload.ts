import { UPLOAD_CHUNK_BYTES } from '../../../shared/import/schemas';
import { send } from '../api/client';

/**
 * Files reach the main process in base64 chunks of at most UPLOAD_CHUNK_BYTES raw bytes, the same way
 * over Electron IPC and the HTTP bridge (which takes about 1 MB a call).
 */

/** Bytes per String.fromCharCode call: spreading 512 KiB of arguments at once would overflow the stack. */
const SUB_CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SUB_CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + SUB_CHUNK));
  return btoa(binary);
}

/** The API takes names up to 255 characters; keep the end, where the extension is. */
function apiFileName(name: string): string {
  return name.length > 255 ? name.slice(-255) : name || 'file';
}

/**
 * Sends the file; returns its upload id, or null when `stop()` said to stop between two chunks (the
 * part sent is left in the main process's temp folder, which is removed when the session ends).
 */
export async function uploadFile(file: File, onSent: (bytes: number) => void, stop: () => boolean): Promise<string | null> {
  const { uploadId } = await send('upload.begin', { fileName: apiFileName(file.name), bytes: file.size });
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    if (stop()) return null;
    const bytes = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
    const { received } = await send('upload.chunk', { uploadId, offset, data: bytesToBase64(bytes) });
    onSent(received);
  }
  return stop() ? null : uploadId;
}
