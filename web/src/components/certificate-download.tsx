import { Button, type ButtonProps } from '@mantine/core';
import { useClient } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { useFileDownload } from '../lib/use-file-download';
import { FormErrors } from './form-errors';

const CertificatePdfQuery = graphql(`
  query CertificatePdf($id: ID!) {
    certificatePdf(id: $id) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

/** Asks the API for a certificate's PDF (rendered now if it is not yet) and saves it. */
export function useCertificateDownload() {
  const client = useClient();
  const files = useFileDownload<string>();
  const download = (id: string) =>
    files.download(id, async () => {
      // Never from the cache: a file is big, and a revoked certificate's PDF changes.
      const answer = await client
        .query(CertificatePdfQuery, { id }, { requestPolicy: 'network-only' })
        .toPromise();
      return { file: answer.data?.certificatePdf, error: answer.error };
    });
  return { download, loading: files.loading, error: files.error };
}

/** One certificate's download button, with its own error under it. */
export function CertificateDownloadButton({
  id,
  label,
  ...props
}: { id: string; label?: string } & ButtonProps) {
  const t = useT();
  const { download, loading, error } = useCertificateDownload();
  return (
    <>
      <Button
        variant="default"
        onClick={() => void download(id)}
        loading={loading === id}
        data-testid="download-certificate"
        {...props}
      >
        {label ?? t('certificate.download')}
      </Button>
      {error && <FormErrors ids={[error]} />}
    </>
  );
}
