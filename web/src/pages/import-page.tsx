import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { ImportColumnsHelp } from '../components/import-columns-help';
import { ImportResult } from '../components/import-result';
import { NotAllowed } from '../components/not-allowed';
import { QueryBoundary } from '../components/query-boundary';
import { requestErrorId } from '../components/user-errors';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { errorMessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { columnHeaders } from '../lib/import-columns';
import { IMPORT_ACCEPT, importFileProblem, readFileAsBase64 } from '../lib/read-file';
import { useInterval } from '../lib/use-interval';
import { useCanWriteEnrollment } from '../session/permissions';

const ImportPageQuery = graphql(`
  query ImportPage($id: ID!) {
    cohort(id: $id) {
      id
      label
      programme {
        id
        nameFr
        nameAr
        trade {
          id
          nameFr
          nameAr
        }
      }
    }
  }
`);

const ImportApplicantsMutation = graphql(`
  mutation ImportApplicants($input: ImportApplicantsInput!) {
    importApplicants(input: $input) {
      applicantImport {
        id
        status
        ...ImportResult_ApplicantImportFragment
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const ApplicantImportQuery = graphql(`
  query ApplicantImport($id: ID!) {
    applicantImport(id: $id) {
      id
      status
      dryRun
      ...ImportResult_ApplicantImportFragment
    }
  }
`);

const POLL_MS = 1000;

/** Applicants from a CSV or XLSX file into one cohort: check the file first, then import it. */
export function ImportPage() {
  const canWrite = useCanWriteEnrollment();
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: ImportPageQuery, variables: { id } });
  if (!canWrite) return <NotAllowed />;
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ cohort }) => (cohort ? <ImportForm cohort={cohort} /> : <CohortMissing />)}
    </QueryBoundary>
  );
}

function CohortMissing() {
  const t = useT();
  return (
    <Stack align="flex-start">
      <Title order={1}>{t('cohort.notFound')}</Title>
      <Anchor component={Link} to="/cohorts">
        {t('cohort.backToList')}
      </Anchor>
    </Stack>
  );
}

/** Why the upload itself was refused: the body too large for the server, or the request's own error. */
function uploadErrorText(error: CombinedError | undefined, t: ReturnType<typeof useT>): string {
  if (error?.response && (error.response as Response).status === 413) return t('errors.FILE_TOO_LARGE');
  return t(requestErrorId(error ?? {}));
}

function ImportForm({
  cohort,
}: {
  cohort: {
    id: string;
    label: string;
    programme: { nameFr: string; nameAr: string; trade: { nameFr: string; nameAr: string } };
  };
}) {
  const t = useT();
  const { locale } = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [importId, setImportId] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [sending, setSending] = useState<'check' | 'import' | null>(null);
  const [uploadState, upload] = useMutation(ImportApplicantsMutation);
  const [polled, poll] = useQuery({
    query: ApplicantImportQuery,
    variables: { id: importId ?? '' },
    pause: !importId,
    requestPolicy: 'network-only',
  });
  const current = importId ? (polled.data?.applicantImport ?? null) : null;
  const running = current?.status === 'PENDING' || current?.status === 'RUNNING';
  useInterval(running, () => poll({ requestPolicy: 'network-only' }), POLL_MS);
  const busy = reading || uploadState.fetching || running;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setImportId(null);
    const problem = chosen ? importFileProblem(chosen) : null;
    setProblems(problem ? [t(problem)] : []);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return setProblems([t('import.chooseFirst')]);
    const problem = importFileProblem(file);
    if (problem) return setProblems([t(problem)]);
    setProblems([]);
    setImportId(null);
    setSending(dryRun ? 'check' : 'import');
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(file);
    } catch {
      setProblems([t('errors.FILE_UNREADABLE')]);
      return;
    } finally {
      setReading(false);
    }
    const outcome = await upload({
      input: { cohortId: cohort.id, fileName: file.name, contentBase64, dryRun },
    });
    const payload = outcome.data?.importApplicants;
    if (!payload) return setProblems([uploadErrorText(outcome.error, t)]);
    if (payload.errors.length > 0) {
      return setProblems(
        payload.errors.map((error) => {
          const headers = error.code === 'MISSING_COLUMN' ? columnHeaders(error.field) : null;
          return headers ? t('import.missingColumn', { column: headers }) : t(errorMessageId(error.code));
        }),
      );
    }
    if (payload.applicantImport) setImportId(payload.applicantImport.id);
  };

  const succeeded = current?.status === 'SUCCEEDED';
  return (
    <Stack gap="lg" maw={1040}>
      <Breadcrumbs>
        <Anchor component={Link} to="/cohorts">
          {t('cohorts.title')}
        </Anchor>
        <Anchor component={Link} to={`/cohorts/${cohort.id}`}>
          {cohort.label}
        </Anchor>
        <Text>{t('import.title')}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{t('import.title')}</Title>
        <Text c="dimmed" data-testid="import-cohort">
          {cohort.label} · {localName(cohort.programme.trade, locale)} · {localName(cohort.programme, locale)}
        </Text>
      </div>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <FileInput
            label={t('import.file')}
            description={t('import.fileHelp')}
            placeholder={t('import.choose')}
            accept={IMPORT_ACCEPT}
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t('import.clearFile') }}
            disabled={busy}
            // Mantine's placeholder grey is below 4.5:1; this one is a real text here (a button's).
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            maw={520}
            fileInputProps={{ 'aria-label': t('import.file') } as React.ComponentProps<'input'>}
          />
          {problems.length > 0 && (
            <Alert color="red" variant="light" role="alert" data-testid="import-problems">
              <Stack gap={4}>
                {problems.map((problem) => (
                  <span key={problem}>{problem}</span>
                ))}
              </Stack>
            </Alert>
          )}
          <Group>
            <Button
              variant="default"
              onClick={() => send(true)}
              loading={busy && sending === 'check'}
              disabled={!file || (busy && sending !== 'check')}
            >
              {t('import.check')}
            </Button>
            <Button
              onClick={() => send(false)}
              loading={busy && sending === 'import'}
              disabled={!file || (busy && sending !== 'import')}
            >
              {t('import.import')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('import.allOrNothing')}
          </Text>
        </Stack>
      </Card>
      {current && <ImportResult applicantImport={current} />}
      {succeeded && current && !current.dryRun && (
        <Group>
          <Button component={Link} to={`/enrollment?cohort=${cohort.id}`}>
            {t('cohort.seeEnrollments')}
          </Button>
          <Button component={Link} to={`/cohorts/${cohort.id}`} variant="subtle">
            {t('import.backToCohort')}
          </Button>
        </Group>
      )}
      <Card withBorder radius="md" padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('import.columns')}
        </Title>
        <ImportColumnsHelp />
      </Card>
    </Stack>
  );
}
