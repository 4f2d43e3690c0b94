/**
 * A running header and "Page N of M" footer for the browser's own Print (window.print), as CSS page-margin
 * boxes (Chromium 131+; other engines ignore them). Added only while printing: the PDF exporter and
 * Electron's printToPDF draw their own header and footer templates, which would otherwise be doubled.
 * A <style> element carrying the page's CSP nonce is the only way to set them under the strict style-src.
 */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

export function printWithRunningHeader(header: string, nonce: string | undefined): void {
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = `@page {
  @top-center { content: ${cssString(header)}; font: 8pt Calibri, Carlito, Arial, sans-serif; color: #4a5360; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt Calibri, Carlito, Arial, sans-serif; color: #4a5360; }
}`;
  document.head.append(style);
  const done = () => {
    style.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } finally {
    // window.print() returns once the dialog closes in Chromium; afterprint may not fire everywhere.
    setTimeout(done, 0);
  }
}
