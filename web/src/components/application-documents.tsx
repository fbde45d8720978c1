import { Button, Group, Stack, Text } from '@mantine/core';
import { useClient } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { formatSize } from '../lib/incubation-format';
import { useFileDownload } from '../lib/use-file-download';
import { DocumentKindLabel } from './document-kind';
import { FormErrors } from './form-errors';

export const ApplicationDocumentsFragment = graphql(`
  fragment ApplicationDocuments_ApplicationDocumentFragment on ApplicationDocument {
    id
    kind
    fileName
    contentType
    sizeBytes
  }
`);

const ApplicationDocumentFileQuery = graphql(`
  query ApplicationDocumentFile($id: ID!) {
    applicationDocument(id: $id) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

/** An application's attached documents, each downloaded on demand (they are not sent with the page). */
export function ApplicationDocuments(props: {
  documents: readonly FragmentType<typeof ApplicationDocumentsFragment>[];
}) {
  const documents = props.documents.map((d) => readFragment(ApplicationDocumentsFragment, d));
  const t = useT();
  const { locale } = useLocale();
  const client = useClient();
  const files = useFileDownload<string>();

  const download = (id: string) =>
    files.download(id, async () => {
      const answer = await client
        .query(ApplicationDocumentFileQuery, { id }, { requestPolicy: 'network-only' })
        .toPromise();
      return { file: answer.data?.applicationDocument, error: answer.error };
    });

  if (documents.length === 0) return <Text c="dimmed">{t('application.noDocument')}</Text>;
  return (
    <Stack gap="xs" data-testid="application-documents">
      {files.error && <FormErrors ids={[files.error]} />}
      {documents.map((document) => (
        <Group
          key={document.id}
          justify="space-between"
          wrap="nowrap"
          gap="sm"
          data-testid="application-document"
        >
          <div style={{ minWidth: 0 }}>
            <Text fw={600}>
              <DocumentKindLabel kind={document.kind} />
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              <bdi>{document.fileName}</bdi> · {formatSize(document.sizeBytes, locale)}
            </Text>
          </div>
          <Button
            variant="default"
            size="sm"
            loading={files.loading === document.id}
            onClick={() => void download(document.id)}
            aria-label={t('application.downloadNamed', { name: document.fileName })}
            style={{ flexShrink: 0 }}
          >
            {t('application.download')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
