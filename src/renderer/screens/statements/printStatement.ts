/**
 * Printing a statement from the renderer (browser mode: the browser's own print dialog, where
 * "Save as PDF" is one of the printers). The preview iframe is fully sandboxed (`sandbox=""`),
 * which also forbids the page from reaching into it to call print(). So printing uses a second,
 * invisible iframe with the least the print dialog needs — `allow-same-origin` (so this page may
 * call its print()) and `allow-modals` (so a sandboxed frame may open the dialog) — and still no
 * `allow-scripts`: nothing in the statement can run. The statement's own CSP forbids scripts too.
 * In Electron the shell should print with printToPDF instead (see the lead's note in the report).
 */
export function printStatementHtml(html: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.className = 'statement-print-frame';
    frame.setAttribute('aria-hidden', 'true');
    frame.addEventListener(
      'load',
      () => {
        frame.contentWindow?.print();
        // print() returns when the dialog closes; remove the frame after that turn.
        setTimeout(() => {
          frame.remove();
          resolve();
        }, 0);
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}
