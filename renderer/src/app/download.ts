/**
 * Saving a file the way a browser downloads one (Electron's renderer does the same): template and pack
 * workbooks from base64, chart PNGs from a data URL.
 */
export function downloadUrl(fileName: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function saveFile(fileName: string, base64: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
  downloadUrl(fileName, url);
  // The download has taken its copy once click() returns; the delay only spares slow engines.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
