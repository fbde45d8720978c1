import { describe, expect, it } from 'vitest';
import { bytesToBase64, importFileProblem, MAX_IMPORT_BYTES, readFileAsBase64 } from './read-file';

describe('reading an applicant file', () => {
  it('gives the bytes as base64, UTF-8 text (Arabic, accents) included', async () => {
    const csv = 'Prénom;Nom;الاسم\nAmina;Benali;أمينة\n';
    const file = new File([csv], 'candidats.csv', { type: 'text/csv' });
    const base64 = await readFileAsBase64(file);
    expect(base64).toBe(Buffer.from(csv, 'utf8').toString('base64'));
    expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(csv);
  });

  it('handles files larger than one slice and every byte value', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('refuses before sending what the API would refuse', () => {
    expect(importFileProblem({ name: 'liste.CSV', size: 10 })).toBeNull();
    expect(importFileProblem({ name: 'liste.xlsx', size: MAX_IMPORT_BYTES })).toBeNull();
    expect(importFileProblem({ name: 'liste.xlsx', size: MAX_IMPORT_BYTES + 1 })).toBe(
      'errors.FILE_TOO_LARGE',
    );
    expect(importFileProblem({ name: 'liste.pdf', size: 10 })).toBe('errors.FILE_UNREADABLE');
    expect(importFileProblem({ name: 'vide.csv', size: 0 })).toBe('errors.FILE_UNREADABLE');
  });
});
