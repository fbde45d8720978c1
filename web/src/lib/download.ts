/** A file the API sent as base64 (an export), as the bytes it stands for. */
export function base64ToBlob(contentBase64: string, mimeType: string): Blob {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

/**
 * Saves the file through the browser: a temporary link to an object URL, clicked, then released.
 * The URL is revoked on the next tick, once the browser has started the download.
 */
export function downloadFile(
  file: { fileName: string; mimeType: string; contentBase64: string },
  doc: Document = document,
): void {
  const url = URL.createObjectURL(base64ToBlob(file.contentBase64, file.mimeType));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
