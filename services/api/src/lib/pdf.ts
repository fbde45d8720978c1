import { type Browser, chromium } from 'playwright-core';

/** Prints HTML to PDF. One per process; the browser starts on first use and is shared after. */
export interface PdfRenderer {
  render(html: string, options?: { landscape?: boolean }): Promise<Buffer>;
  close(): Promise<void>;
}

// Chromium shapes and joins Arabic and lays it out right-to-left (pdfkit and pdf-lib do not), and
// keeps the text layer in logical order, so a PDF reader can search and copy it.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text (or an attribute's value) as HTML: every printed document puts what people typed through it. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

export function createPdfRenderer(chromiumPath: string): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  const start = () => {
    browser ??= chromium
      .launch({
        executablePath: chromiumPath,
        args: FLAGS,
        // The service's own shutdown closes the browser (after the jobs using it are done);
        // Playwright's signal handlers would kill it under a running render and exit the process.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      .catch((error: unknown) => {
        browser = null;
        throw error;
      });
    return browser;
  };
  return {
    async render(html, options) {
      const context = await (await start()).newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // The document is self-contained (inline styles, data: images): nothing is fetched.
        await page.route('**/*', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort(),
        );
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          landscape: options?.landscape ?? false,
          printBackground: true,
          preferCSSPageSize: true,
        });
      } finally {
        await context.close();
      }
    },
    async close() {
      const running = browser;
      browser = null;
      // A browser that failed to start, or died, has nothing left to close.
      const started = running ? await running.catch(() => null) : null;
      await started?.close().catch(() => undefined);
    },
  };
}
