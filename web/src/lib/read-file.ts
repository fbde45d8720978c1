import type { MessageId } from '../i18n/messages';

/** The API's limit for an applicant file (FILE_TOO_LARGE): refused here before it is sent. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const IMPORT_ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Base64 of raw bytes, in slices: spreading a few megabytes into one call would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** A chosen file's bytes as base64, as `importApplicants` takes them (`contentBase64`). */
export async function readFileAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** Why a file cannot be sent at all (wrong kind, too large, empty), or null when it can. */
export function importFileProblem(file: { name: string; size: number }): MessageId | null {
  if (!/\.(csv|xlsx)$/i.test(file.name)) return 'errors.FILE_UNREADABLE';
  if (file.size === 0) return 'errors.FILE_UNREADABLE';
  if (file.size > MAX_IMPORT_BYTES) return 'errors.FILE_TOO_LARGE';
  return null;
}
