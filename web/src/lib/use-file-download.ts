import { useState } from 'react';
import type { CombinedError } from 'urql';
import { requestErrorId } from '../components/user-errors';
import type { MessageId } from '../i18n/messages';
import { downloadFile } from './download';

type File = Parameters<typeof downloadFile>[0];

/**
 * A file the API sends inside a GraphQL answer (an export, a certificate's PDF): asked for, then
 * saved through the browser. `loading` says which one is on its way; `error` why the last one failed.
 */
export function useFileDownload<Key extends string>() {
  const [loading, setLoading] = useState<Key | null>(null);
  const [error, setError] = useState<MessageId | null>(null);
  const download = async (
    key: Key,
    request: () => Promise<{ file: File | null | undefined; error?: CombinedError }>,
  ) => {
    setLoading(key);
    setError(null);
    const answer = await request();
    setLoading(null);
    if (!answer.file) return setError(requestErrorId(answer.error ?? {}));
    downloadFile(answer.file);
  };
  return { download, loading, error };
}
