import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The text layer of a PDF as poppler's `pdftotext` reads it (Debian's poppler-utils; `.ci/run`
 * installs it). Chromium writes Arabic glyphs in visual order with their logical text attached
 * (/ActualText in a reversed-characters span), which is what a PDF reader should honour: poppler
 * does, so this is the reader the tests trust for "Arabic in logical order". Bidi isolation marks
 * that pdftotext adds around runs are dropped.
 */
export function pdfText(pdf: Buffer | Uint8Array | string): string {
  const bytes = typeof pdf === 'string' ? Buffer.from(pdf, 'base64') : Buffer.from(pdf);
  const dir = mkdtempSync(path.join(tmpdir(), 'maalem-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (run.error) {
      throw new Error(
        `pdftotext is needed to read PDFs in tests: apt-get install -y poppler-utils (${run.error.message})`,
      );
    }
    if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
    return run.stdout.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
