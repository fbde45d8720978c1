import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64ToBlob, downloadFile } from './download';

const CSV = 'ligne;participants\nGestion financière;4913\n';
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('an exported file', () => {
  it('is decoded to the bytes the API sent, accents included', async () => {
    const blob = base64ToBlob(base64(CSV), 'text/csv');
    expect(blob.type).toBe('text/csv');
    expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe(CSV);
  });

  it('keeps binary content (an XLSX is a zip) byte for byte', async () => {
    const bytes = [0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80];
    const blob = base64ToBlob(btoa(String.fromCharCode(...bytes)), 'application/zip');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(bytes);
  });

  it('is saved under its name through a clicked link, whose address is then released', () => {
    vi.useFakeTimers();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:indicators');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    downloadFile({ fileName: 'indicateurs-2024.csv', mimeType: 'text/csv', contentBase64: base64(CSV) });
    expect(created).toHaveBeenCalledOnce();
    expect(clicks).toEqual([{ href: 'blob:indicators', download: 'indicateurs-2024.csv', attached: true }]);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    expect(revoked).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoked).toHaveBeenCalledWith('blob:indicators');
  });
});
