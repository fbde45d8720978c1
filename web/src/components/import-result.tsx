import { Alert, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { errorMessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';

export const ImportResultApplicantImportFragment = graphql(`
  fragment ImportResult_ApplicantImportFragment on ApplicantImport {
    id
    fileName
    dryRun
    status
    totalRows
    processedRows
    createdPeople
    createdEnrollments
    skippedRows
    rowErrors {
      row
      column
      code
      message
    }
  }
`);

/**
 * Where a check or an import stands: its progress while it runs, then what it did (or would do)
 * and every row the file must fix. An import with any refused row writes nothing at all.
 */
export function ImportResult(props: {
  applicantImport: FragmentType<typeof ImportResultApplicantImportFragment>;
}) {
  const result = readFragment(ImportResultApplicantImportFragment, props.applicantImport);
  const t = useT();
  const running = result.status === 'PENDING' || result.status === 'RUNNING';
  const errorCount = result.rowErrors.length;
  const badRows = new Set(result.rowErrors.map((e) => e.row)).size;
  const counts = {
    people: result.createdPeople,
    enrollments: result.createdEnrollments,
    skipped: result.skippedRows,
  };

  return (
    <Stack gap="md" data-testid="import-result" data-status={result.status} data-dry-run={result.dryRun}>
      {running && (
        <div role="status" aria-live="polite">
          <Text mb={4}>
            {result.status === 'PENDING'
              ? t('import.pending')
              : t(result.dryRun ? 'import.checking' : 'import.importing', {
                  done: result.processedRows,
                  total: result.totalRows,
                })}
          </Text>
          <Progress
            value={result.totalRows > 0 ? (result.processedRows / result.totalRows) * 100 : 0}
            animated
            aria-label={t('import.progress', { done: result.processedRows, total: result.totalRows })}
            data-testid="import-progress"
          />
        </div>
      )}
      {result.status === 'SUCCEEDED' && (
        <Alert
          color="teal"
          variant="light"
          role="status"
          title={t(result.dryRun ? 'import.checkedOk' : 'import.done')}
        >
          <Text size="sm" data-testid="import-counts">
            {t(result.dryRun ? 'import.wouldDo' : 'import.did', { ...counts, rows: result.totalRows })}
          </Text>
        </Alert>
      )}
      {result.status === 'FAILED' && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t(result.dryRun ? 'import.checkFailed' : 'import.failed')}
        >
          <Text size="sm">
            {errorCount > 0
              ? t(result.dryRun ? 'import.fixAndCheck' : 'import.fixAndImport', {
                  errors: errorCount,
                  rows: badRows,
                })
              : t('import.crashed')}
          </Text>
        </Alert>
      )}
      {errorCount > 0 && (
        <div>
          <Title order={2} size="h4" mb="xs">
            {t('import.rowErrors')}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder data-testid="row-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.row')}</Table.Th>
                  <Table.Th>{t('import.column')}</Table.Th>
                  <Table.Th>{t('import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rowErrors.map((error) => {
                  const id = errorMessageId(error.code);
                  return (
                    <Table.Tr key={`${error.row}:${error.column}:${error.code}`} data-row={error.row}>
                      <Table.Td>{error.row}</Table.Td>
                      <Table.Td>{error.column ?? '—'}</Table.Td>
                      {/* The client's own words when it knows the code, so they follow a language switch. */}
                      <Table.Td>{id === 'errors.UNKNOWN' ? error.message : t(id)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      )}
    </Stack>
  );
}
