import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CallBreadcrumbs } from '../components/call-breadcrumbs';
import { CallSettingsFragment } from '../components/call-settings';
import { FormErrors } from '../components/form-errors';
import { NotAllowed } from '../components/not-allowed';
import { QueryBoundary } from '../components/query-boundary';
import { useMutationForm } from '../components/use-mutation-form';
import { NO_ERRORS, requestErrorId } from '../components/user-errors';
import { graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import {
  APPLICANT_KINDS,
  CALL_KINDS,
  type CallFormErrors,
  type CallFormValues,
  callFormFrom,
  checkCallForm,
  emptyCall,
  emptyCategory,
  emptyCriterion,
  isKnownDocumentKind,
  KNOWN_DOCUMENT_KINDS,
  splitCallErrors,
  toCreateCallInput,
  toUpdateCallInput,
} from '../lib/call-form';
import { formatShare } from '../lib/incubation-format';
import { numberOrEmpty } from '../lib/number-input';
import { useIncubationRights } from '../session/incubation-permissions';

import { NotFoundPage } from './not-found-page';

const CallSetupQuery = graphql(`
  query CallSetup($id: ID!, $editing: Boolean!) {
    call(id: $id) @include(if: $editing) {
      id
      ...CallSettings_CallFragment
    }
    cohorts(first: 50) {
      edges {
        node {
          id
          label
        }
      }
    }
  }
`);

const CreateCallMutation = graphql(`
  mutation CreateCall($input: CreateCallInput!) {
    createCall(input: $input) {
      call {
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

const UpdateCallMutation = graphql(`
  mutation UpdateCall($input: UpdateCallInput!) {
    updateCall(input: $input) {
      call {
        id
        ...CallSettings_CallFragment
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

/** /calls/new and /calls/:id/edit (a draft only: an open call's set-up is frozen). */
export function CallSetupPage() {
  const { id } = useParams();
  const t = useT();
  const rights = useIncubationRights();
  const [result, reexecute] = useQuery({
    query: CallSetupQuery,
    variables: { id: id ?? '', editing: !!id },
    pause: !rights.writeCalls,
  });
  if (!rights.writeCalls) return <NotAllowed />;
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => {
        const call = readFragment(CallSettingsFragment, data.call);
        const cohorts = data.cohorts.edges.map((e) => e.node);
        if (id && !call) {
          return (
            <NotFoundPage title={t('call.notFound')} back={{ to: '/calls', label: t('call.backToList') }} />
          );
        }
        return (
          <Stack gap="lg">
            <CallBreadcrumbs call={call} current={call ? t('callForm.editTitle') : t('calls.new')} />
            <Title order={1}>{call ? t('callForm.editTitle') : t('calls.new')}</Title>
            {call && call.status !== 'DRAFT' ? (
              <FormErrors ids={['errors.CALL_NOT_EDITABLE']} />
            ) : (
              <CallForm
                key={call?.id ?? 'new'}
                callId={call?.id ?? null}
                initial={call ? callFormFrom(call) : emptyCall()}
                cohorts={cohorts}
              />
            )}
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}

function CallForm({
  callId,
  initial,
  cohorts,
}: {
  callId: string | null;
  initial: CallFormValues;
  cohorts: readonly { id: string; label: string }[];
}) {
  const t = useT();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const { errors, setErrors, err, formRef, refused } = useMutationForm();
  const [createState, create] = useMutation(CreateCallMutation);
  const [updateState, update] = useMutation(UpdateCallMutation);

  const set = <F extends keyof CallFormValues>(field: F, value: CallFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (refused(checkCallForm(values))) return;
    setErrors(NO_ERRORS);
    const [payload, error] = callId
      ? await update({ input: toUpdateCallInput(callId, values) }).then(
          (r) => [r.data?.updateCall, r.error] as const,
        )
      : await create({ input: toCreateCallInput(values) }).then(
          (r) => [r.data?.createCall, r.error] as const,
        );
    if (!payload) return setErrors({ byField: {}, general: [requestErrorId(error ?? {})] });
    if (payload.errors.length > 0) return setErrors(splitCallErrors(payload.errors));
    const saved = callId ?? payload.call?.id;
    if (saved) navigate(`/calls/${saved}`);
  };

  const knownDocuments = values.requiredDocuments.filter(isKnownDocumentKind);
  const otherDocuments = values.requiredDocuments.filter((d) => !isKnownDocumentKind(d));
  const totalWeight = values.criteria.reduce((sum, c) => sum + (c.weight === '' ? 0 : c.weight), 0);
  const { locale } = useLocale();

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="call-form">
      <Stack gap="lg">
        <FormErrors ids={errors.general} />
        <Section title={t('callForm.about')}>
          <Select
            name="kind"
            label={t('call.kind')}
            required
            disabled={!!callId}
            data={CALL_KINDS.map((k) => ({ value: k, label: t(`callKind.${k}`) }))}
            value={values.kind || null}
            onChange={(value) => set('kind', CALL_KINDS.find((k) => k === value) ?? '')}
            error={err('kind')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="titleFr"
              label={t('callForm.titleFr')}
              required
              lang="fr"
              value={values.titleFr}
              onChange={(e) => set('titleFr', e.currentTarget.value)}
              error={err('titleFr')}
            />
            <TextInput
              name="titleAr"
              label={t('callForm.titleAr')}
              lang="ar"
              dir="rtl"
              value={values.titleAr}
              onChange={(e) => set('titleAr', e.currentTarget.value)}
              error={err('titleAr')}
            />
          </SimpleGrid>
          <Textarea
            name="description"
            label={t('callForm.description')}
            rows={2}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={err('description')}
          />
        </Section>
        <Section title={t('callForm.windowAndEligibility')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              name="opensOn"
              label={t('call.opensOn')}
              required
              value={values.opensOn}
              onChange={(e) => set('opensOn', e.currentTarget.value)}
              error={err('opensOn')}
            />
            <TextInput
              type="date"
              name="closesOn"
              label={t('call.closesOn')}
              description={t('callForm.windowHelp')}
              required
              value={values.closesOn}
              onChange={(e) => set('closesOn', e.currentTarget.value)}
              error={err('closesOn')}
            />
            <NumberInput
              name="minAge"
              label={t('callForm.minAge')}
              description={t('callForm.ageHelp')}
              min={0}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              value={values.minAge}
              onChange={(v) => set('minAge', numberOrEmpty(v))}
              error={err('minAge')}
            />
            <NumberInput
              name="maxAge"
              label={t('callForm.maxAge')}
              min={0}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              value={values.maxAge}
              onChange={(v) => set('maxAge', numberOrEmpty(v))}
              error={err('maxAge')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('callForm.applicantKinds')}
            required
            value={values.applicantKinds}
            onChange={(value) =>
              set(
                'applicantKinds',
                APPLICANT_KINDS.filter((k) => value.includes(k)),
              )
            }
            error={err('applicantKinds')}
          >
            <Group mt={6}>
              {APPLICANT_KINDS.map((kind) => (
                <Checkbox key={kind} value={kind} label={t(`applicantKind.${kind}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('callForm.requiredDocuments')}
            description={t('callForm.requiredDocumentsHelp')}
            value={knownDocuments}
            onChange={(value) =>
              set('requiredDocuments', [
                ...KNOWN_DOCUMENT_KINDS.filter((k) => value.includes(k)),
                ...otherDocuments,
              ])
            }
            error={err('requiredDocuments')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt={6} spacing="xs">
              {KNOWN_DOCUMENT_KINDS.map((kind) => (
                <Checkbox key={kind} value={kind} label={t(`documentKind.${kind}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TagsInput
            name="otherDocuments"
            label={t('callForm.otherDocuments')}
            description={t('callForm.otherDocumentsHelp')}
            value={otherDocuments}
            onChange={(value) => set('requiredDocuments', [...knownDocuments, ...value])}
          />
          <TagsInput
            name="provinces"
            label={t('callForm.provinces')}
            description={t('callForm.provincesHelp')}
            value={values.provinces}
            onChange={(value) => set('provinces', value)}
            error={err('provinces')}
          />
          {values.kind === 'INCUBATOR_SELECTION' && (
            <Select
              name="cohortId"
              label={t('callForm.cohort')}
              description={t('callForm.cohortHelp')}
              clearable
              data={cohorts.map((c) => ({ value: c.id, label: c.label }))}
              value={values.cohortId}
              onChange={(value) => set('cohortId', value)}
              error={err('cohortId')}
            />
          )}
        </Section>
        <Section title={t('callForm.categories')} help={t('callForm.categoriesHelp')}>
          <NamedRows
            field="categories"
            rows={values.categories}
            onChange={(rows) => set('categories', rows)}
            empty={emptyCategory}
            errors={errors.byField}
            err={err}
            rowTestId="category-row"
            removeLabel={(i) => t('callForm.removeCategory', { index: i + 1 })}
            addLabel={t('callForm.addCategory')}
            figure={(row, i, setRow) => (
              <NumberInput
                name={`categories.${i}.places`}
                label={t('call.places')}
                required
                min={1}
                allowDecimal={false}
                allowNegative={false}
                value={row.places}
                onChange={(v) => setRow({ places: numberOrEmpty(v) })}
                error={err(`categories.${i}.places`)}
              />
            )}
          />
        </Section>
        <Section title={t('callForm.scoring')} help={t('callForm.scoringHelp')}>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <NumberInput
              name="scoreMin"
              label={t('callForm.scoreMin')}
              required
              decimalScale={2}
              value={values.scoreMin}
              onChange={(v) => set('scoreMin', numberOrEmpty(v))}
              error={err('scoreMin')}
            />
            <NumberInput
              name="scoreMax"
              label={t('callForm.scoreMax')}
              required
              decimalScale={2}
              value={values.scoreMax}
              onChange={(v) => set('scoreMax', numberOrEmpty(v))}
              error={err('scoreMax')}
            />
          </SimpleGrid>
          <NamedRows
            field="criteria"
            rows={values.criteria}
            onChange={(rows) => set('criteria', rows)}
            empty={emptyCriterion}
            errors={errors.byField}
            err={err}
            rowTestId="criterion-row"
            removeLabel={(i) => t('callForm.removeCriterion', { index: i + 1 })}
            addLabel={t('callForm.addCriterion')}
            figure={(row, i, setRow) => (
              <NumberInput
                name={`criteria.${i}.weight`}
                label={t('call.weight')}
                description={
                  row.weight !== '' && totalWeight > 0
                    ? t('callForm.weightShare', { share: formatShare(row.weight / totalWeight, locale) })
                    : undefined
                }
                required
                min={0}
                decimalScale={2}
                allowNegative={false}
                value={row.weight}
                onChange={(v) => setRow({ weight: numberOrEmpty(v) })}
                error={err(`criteria.${i}.weight`)}
              />
            )}
          />
        </Section>
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={createState.fetching || updateState.fetching}>
            {callId ? t('common.save') : t('callForm.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          {help && (
            <Text size="sm" c="dimmed">
              {help}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Card>
  );
}

type NamedRow = { key: string; nameFr: string; nameAr: string };

/**
 * Categories and criteria are set up alike: a name in each language and one figure (places, a
 * weight), at least one row, rows added and removed.
 */
function NamedRows<Row extends NamedRow>({
  field,
  rows,
  onChange,
  empty,
  errors,
  err,
  rowTestId,
  removeLabel,
  addLabel,
  figure,
}: {
  field: 'categories' | 'criteria';
  rows: Row[];
  onChange: (rows: Row[]) => void;
  empty: () => Row;
  errors: CallFormErrors;
  err: (key: string) => string | undefined;
  rowTestId: string;
  removeLabel: (index: number) => string;
  addLabel: string;
  figure: (row: Row, index: number, setRow: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const t = useT();
  // About the list as a whole (none left, names twice…): above its rows.
  const listError = errors[field];
  return (
    <>
      {listError && <FormErrors ids={[listError]} />}
      {rows.map((row, i) => {
        const setRow = (patch: Partial<Row> | Partial<NamedRow>) =>
          onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
        return (
          <Card key={row.key} withBorder padding="sm" radius="md" data-testid={rowTestId}>
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                <TextInput
                  name={`${field}.${i}.nameFr`}
                  label={t('callForm.nameFr')}
                  required
                  lang="fr"
                  value={row.nameFr}
                  onChange={(e) => setRow({ nameFr: e.currentTarget.value })}
                  error={err(`${field}.${i}.nameFr`)}
                />
                <TextInput
                  name={`${field}.${i}.nameAr`}
                  label={t('callForm.nameAr')}
                  lang="ar"
                  dir="rtl"
                  value={row.nameAr}
                  onChange={(e) => setRow({ nameAr: e.currentTarget.value })}
                  error={err(`${field}.${i}.nameAr`)}
                />
                {figure(row, i, setRow)}
              </SimpleGrid>
              <RemoveRow
                label={removeLabel(i)}
                disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </Group>
          </Card>
        );
      })}
      <Button
        variant="default"
        onClick={() => onChange([...rows, empty()])}
        style={{ alignSelf: 'flex-start' }}
      >
        {addLabel}
      </Button>
    </>
  );
}

function RemoveRow({ label, disabled, onClick }: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <ActionIcon
      variant="default"
      size="lg"
      mt={26}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">×</span>
    </ActionIcon>
  );
}
