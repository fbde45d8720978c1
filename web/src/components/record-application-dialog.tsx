import {
  Button,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ApplicantKind } from '../gql/graphql';
import { useLocale } from '../i18n/locale-provider';
import { errorMessageId, type MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { callErrorKey } from '../lib/call-form';
import { nameIn } from '../lib/incubation-format';
import { pastDayProblem } from '../lib/past-day';
import { readFileAsBase64 } from '../lib/read-file';
import { useCentreToday } from '../lib/use-centre-today';
import { AppModal } from './app-modal';
import { useDocumentKindLabel } from './document-kind';
import { FormErrors } from './form-errors';
import { SearchPicker, searchReady } from './search-picker';
import { useMutationForm } from './use-mutation-form';
import { NO_ERRORS, requestErrorId } from './user-errors';

const ApplicantSearchQuery = graphql(`
  query ApplicantSearch($search: String!, $people: Boolean!, $ventures: Boolean!) {
    people(first: 8, search: $search) @include(if: $people) {
      edges {
        node {
          id
          fullName
          birthDate
          province
        }
      }
    }
    ventures(first: 8, search: $search) @include(if: $ventures) {
      edges {
        node {
          id
          name
          sector
        }
      }
    }
  }
`);

const SubmitApplicationMutation = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      application {
        id
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

/** The API keeps each attached document to 5 MB. */
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

interface Applicant {
  kind: ApplicantKind;
  id: string;
  name: string;
}

const FIELDS = ['categoryId', 'applicant', 'title', 'summary', 'submittedOn', 'otherFile'];

/**
 * Where the form shows an API error: `documents.2` is the third file sent (a required kind's box or
 * the other document), `documents.CIN` the missing CIN, `personId`/`ventureId` the applicant.
 */
function errorKey(
  path: string | null,
  sent: readonly [kind: string, file: File][],
  required: readonly string[],
): string | null {
  const [head, index] = path?.split('.') ?? [];
  if (head === 'documents' && index !== undefined) {
    // A missing document is named by its kind, a refused one by its place in the list sent.
    if (!/^\d+$/.test(index)) return required.includes(index) ? `doc.${index}` : null;
    const doc = sent[Number(index)];
    if (!doc) return null;
    return required.includes(doc[0]) ? `doc.${doc[0]}` : 'otherFile';
  }
  if (head === 'personId' || head === 'ventureId') return 'applicant';
  return head ?? null;
}

/**
 * Staff record an application (from paper, or for the applicant): the category, who applies (a
 * person or a venture the centre knows), the project, and every document the call requires.
 */
export function RecordApplicationDialog({
  opened,
  onClose,
  onRecorded,
  call,
}: {
  opened: boolean;
  onClose: () => void;
  onRecorded: (applicationId: string) => void;
  call: {
    id: string;
    applicantKinds: readonly ApplicantKind[];
    requiredDocuments: readonly string[];
    categories: readonly { id: string; nameFr: string; nameAr?: string | null }[];
  };
}) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('application.record')} size="lg">
      {opened && <RecordApplicationForm call={call} onRecorded={onRecorded} />}
    </AppModal>
  );
}

function RecordApplicationForm({
  call,
  onRecorded,
}: {
  call: Parameters<typeof RecordApplicationDialog>[0]['call'];
  onRecorded: (applicationId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const today = useCentreToday();
  const kindLabel = useDocumentKindLabel();
  const [kind, setKind] = useState<ApplicantKind>(call.applicantKinds[0] ?? 'PERSON');
  const [applicant, setApplicant] = useState<Applicant | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(
    call.categories.length === 1 ? (call.categories[0]?.id ?? null) : null,
  );
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [submittedOn, setSubmittedOn] = useState(today);
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [otherKind, setOtherKind] = useState('');
  const [otherFile, setOtherFile] = useState<File | null>(null);
  const { errors, setErrors, err, formRef, refused } = useMutationForm();
  const [reading, setReading] = useState(false);
  const [state, submit] = useMutation(SubmitApplicationMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const byField: Partial<Record<string, MessageId>> = {};
    if (!categoryId) byField.categoryId = 'errors.REQUIRED';
    if (!applicant) byField.applicant = 'application.chooseApplicant';
    if (!title.trim()) byField.title = 'errors.REQUIRED';
    const dayProblem = pastDayProblem(submittedOn, today);
    if (dayProblem) byField.submittedOn = dayProblem;
    for (const required of call.requiredDocuments) {
      const file = files[required];
      if (!file) byField[`doc.${required}`] = 'errors.DOCUMENT_MISSING';
      else if (file.size === 0 || file.size > MAX_DOCUMENT_BYTES)
        byField[`doc.${required}`] = 'application.fileSize';
    }
    if (otherFile && !otherKind.trim()) byField.otherKind = 'errors.REQUIRED';
    if (otherFile && (otherFile.size === 0 || otherFile.size > MAX_DOCUMENT_BYTES))
      byField.otherFile = 'application.fileSize';
    if (refused(byField)) return;
    setErrors(NO_ERRORS);

    setReading(true);
    const chosen: [string, File][] = [
      ...call.requiredDocuments.map((k): [string, File] => [k, files[k] as File]),
      ...(otherFile ? [[otherKind.trim(), otherFile] as [string, File]] : []),
    ];
    const documents = await Promise.all(
      chosen.map(async ([docKind, file]) => ({
        kind: docKind,
        fileName: file.name,
        contentType: file.type || 'application/octet-stream',
        contentBase64: await readFileAsBase64(file),
      })),
    );
    setReading(false);
    const result = await submit({
      input: {
        callId: call.id,
        categoryId: categoryId as string,
        personId: applicant?.kind === 'PERSON' ? applicant.id : null,
        ventureId: applicant?.kind === 'VENTURE' ? applicant.id : null,
        title: title.trim(),
        summary: summary.trim() || null,
        documents,
        submittedOn,
      },
    });
    const payload = result.data?.submitApplication;
    if (!payload) return setErrors({ byField: {}, general: [requestErrorId(result.error ?? {})] });
    if (payload.errors.length > 0) {
      const next: typeof errors = { byField: {}, general: [] };
      const shown = [...FIELDS, ...call.requiredDocuments.map((k) => `doc.${k}`)];
      for (const error of payload.errors) {
        const id = errorMessageId(error.code);
        const key = errorKey(callErrorKey(error.field), chosen, call.requiredDocuments);
        if (key && shown.includes(key) && !next.byField[key]) next.byField[key] = id;
        else if (!next.general.includes(id)) next.general.push(id);
      }
      return setErrors(next);
    }
    if (payload.application) onRecorded(payload.application.id);
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="record-application">
      <Stack>
        <FormErrors ids={errors.general} />
        <Select
          name="categoryId"
          label={t('application.category')}
          required
          data={call.categories.map((c) => ({ value: c.id, label: nameIn(c, locale) }))}
          value={categoryId}
          onChange={setCategoryId}
          error={err('categoryId')}
        />
        {call.applicantKinds.length > 1 && (
          <SegmentedControl
            value={kind}
            onChange={(value) => {
              setKind(value === 'VENTURE' ? 'VENTURE' : 'PERSON');
              setApplicant(null);
            }}
            data={call.applicantKinds.map((k) => ({ value: k, label: t(`applicantKind.${k}`) }))}
            fullWidth
          />
        )}
        {applicant ? (
          <Group justify="space-between" wrap="nowrap" data-testid="chosen-applicant">
            <div>
              <Text size="sm" c="dimmed">
                {t(`applicantKind.${applicant.kind}`)}
              </Text>
              <Text fw={600}>{applicant.name}</Text>
            </div>
            <Button variant="default" onClick={() => setApplicant(null)}>
              {t('application.changeApplicant')}
            </Button>
          </Group>
        ) : (
          <ApplicantSearch kind={kind} onChoose={setApplicant} error={err('applicant')} />
        )}
        <TextInput
          name="title"
          label={t('application.projectTitle')}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err('title')}
        />
        <Textarea
          name="summary"
          label={t('application.summary')}
          rows={2}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={err('summary')}
        />
        <TextInput
          type="date"
          name="submittedOn"
          label={t('application.submittedOn')}
          description={t('application.submittedOnHelp')}
          required
          max={today}
          value={submittedOn}
          onChange={(e) => setSubmittedOn(e.currentTarget.value)}
          error={err('submittedOn')}
        />
        {call.requiredDocuments.map((docKind) => (
          <FileInput
            key={docKind}
            name={`doc-${docKind}`}
            label={kindLabel(docKind)}
            description={t('application.fileHelp')}
            placeholder={t('application.chooseFile')}
            required
            clearable
            value={files[docKind] ?? null}
            onChange={(file) => setFiles((f) => ({ ...f, [docKind]: file }))}
            error={err(`doc.${docKind}`)}
          />
        ))}
        <Group grow align="flex-start">
          <TextInput
            name="otherKind"
            label={t('application.otherKind')}
            value={otherKind}
            onChange={(e) => setOtherKind(e.currentTarget.value)}
            error={err('otherKind')}
          />
          <FileInput
            name="otherFile"
            label={t('application.otherFile')}
            placeholder={t('application.chooseFile')}
            clearable
            value={otherFile}
            onChange={setOtherFile}
            error={err('otherFile')}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={reading || state.fetching} data-testid="record-application-submit">
            {t('application.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ApplicantSearch({
  kind,
  onChoose,
  error,
}: {
  kind: ApplicantKind;
  onChoose: (applicant: Applicant) => void;
  error?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const ready = searchReady(search);
  const [result] = useQuery({
    query: ApplicantSearchQuery,
    variables: { search, people: kind === 'PERSON', ventures: kind === 'VENTURE' },
    pause: !ready,
  });
  const found: Applicant[] = !ready
    ? []
    : kind === 'PERSON'
      ? (result.data?.people?.edges ?? []).map(({ node }) => ({ kind, id: node.id, name: node.fullName }))
      : (result.data?.ventures?.edges ?? []).map(({ node }) => ({ kind, id: node.id, name: node.name }));
  return (
    <SearchPicker
      name="applicantSearch"
      label={kind === 'PERSON' ? t('application.searchPerson') : t('application.searchVenture')}
      required
      error={error}
      gap="xs"
      matchTestId="applicant-match"
      search={search}
      onSearch={setSearch}
      matches={found}
      fetching={result.fetching}
      onChoose={onChoose}
    />
  );
}
