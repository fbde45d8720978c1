import {
  ActionIcon,
  Anchor,
  Breadcrumbs,
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
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormErrors } from '../components/form-errors';
import { NotAllowed } from '../components/not-allowed';
import { QueryBoundary } from '../components/query-boundary';
import { requestErrorId } from '../components/user-errors';
import { graphql } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import {
  APPLICANT_KINDS,
  CALL_KINDS,
  type CallFormErrors,
  type CallFormValues,
  type CategoryRow,
  type CriterionRow,
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
import { callTitle, formatShare } from '../lib/incubation-format';
import { useFocusFirstError } from '../lib/use-focus-first-error';
import { useIncubationRights } from '../session/incubation-permissions';

const CallSetupQuery = graphql(`
  query CallSetup($id: ID!, $editing: Boolean!) {
    call(id: $id) @include(if: $editing) {
      id
      kind
      titleFr
      titleAr
      description
      opensOn
      closesOn
      status
      minAge
      maxAge
      applicantKinds
      requiredDocuments
      provinces
      scoreMin
      scoreMax
      cohort {
        id
      }
      categories {
        id
        nameFr
        nameAr
        places
      }
      criteria {
        id
        nameFr
        nameAr
        weight
      }
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
        kind
        titleFr
        titleAr
        description
        opensOn
        closesOn
        status
        minAge
        maxAge
        applicantKinds
        requiredDocuments
        provinces
        scoreMin
        scoreMax
        categories {
          id
          nameFr
          nameAr
          places
          applicationCount
        }
        criteria {
          id
          nameFr
          nameAr
          weight
        }
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
  const { locale } = useLocale();
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
        const call = data.call;
        const cohorts = data.cohorts.edges.map((e) => e.node);
        if (id && !call) {
          return (
            <Stack align="flex-start">
              <Title order={1}>{t('call.notFound')}</Title>
              <Anchor component={Link} to="/calls">
                {t('call.backToList')}
              </Anchor>
            </Stack>
          );
        }
        return (
          <Stack gap="lg">
            <Breadcrumbs>
              <Anchor component={Link} to="/calls">
                {t('calls.title')}
              </Anchor>
              {call && (
                <Anchor component={Link} to={`/calls/${call.id}`}>
                  {callTitle(call, locale)}
                </Anchor>
              )}
              <Text>{call ? t('callForm.editTitle') : t('calls.new')}</Text>
            </Breadcrumbs>
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
  const [errors, setErrors] = useState<{ byField: CallFormErrors; general: MessageId[] }>({
    byField: {},
    general: [],
  });
  const [createState, create] = useMutation(CreateCallMutation);
  const [updateState, update] = useMutation(UpdateCallMutation);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  const set = <F extends keyof CallFormValues>(field: F, value: CallFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
  };
  const err = (key: string) => {
    const id = errors.byField[key];
    return id ? t(id) : undefined;
  };
  const setCategory = (index: number, patch: Partial<CategoryRow>) =>
    set(
      'categories',
      values.categories.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );
  const setCriterion = (index: number, patch: Partial<CriterionRow>) =>
    set(
      'criteria',
      values.criteria.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkCallForm(values);
    if (Object.keys(problems).length > 0) return setErrors({ byField: problems, general: [] });
    setErrors({ byField: {}, general: [] });
    if (callId) {
      const result = await update({ input: toUpdateCallInput(callId, values) });
      const payload = result.data?.updateCall;
      if (!payload) return setErrors({ byField: {}, general: [requestErrorId(result.error ?? {})] });
      if (payload.errors.length > 0) return setErrors(splitCallErrors(payload.errors));
      navigate(`/calls/${callId}`);
    } else {
      const result = await create({ input: toCreateCallInput(values) });
      const payload = result.data?.createCall;
      if (!payload) return setErrors({ byField: {}, general: [requestErrorId(result.error ?? {})] });
      if (payload.errors.length > 0) return setErrors(splitCallErrors(payload.errors));
      if (payload.call) navigate(`/calls/${payload.call.id}`);
    }
  };

  const knownDocuments = values.requiredDocuments.filter(isKnownDocumentKind);
  const otherDocuments = values.requiredDocuments.filter((d) => !isKnownDocumentKind(d));
  const totalWeight = values.criteria.reduce((sum, c) => sum + (c.weight === '' ? 0 : c.weight), 0);
  const { locale } = useLocale();
  const toNumber = (value: string | number): number | '' =>
    typeof value === 'number' ? value : value === '' ? '' : Number(value);

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
              onChange={(v) => set('minAge', toNumber(v))}
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
              onChange={(v) => set('maxAge', toNumber(v))}
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
          {err('categories') && <FormErrors ids={[errors.byField.categories as MessageId]} />}
          {values.categories.map((row, i) => (
            <Card key={row.key} withBorder padding="sm" radius="md" data-testid="category-row">
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                  <TextInput
                    name={`categories.${i}.nameFr`}
                    label={t('callForm.nameFr')}
                    required
                    lang="fr"
                    value={row.nameFr}
                    onChange={(e) => setCategory(i, { nameFr: e.currentTarget.value })}
                    error={err(`categories.${i}.nameFr`)}
                  />
                  <TextInput
                    name={`categories.${i}.nameAr`}
                    label={t('callForm.nameAr')}
                    lang="ar"
                    dir="rtl"
                    value={row.nameAr}
                    onChange={(e) => setCategory(i, { nameAr: e.currentTarget.value })}
                    error={err(`categories.${i}.nameAr`)}
                  />
                  <NumberInput
                    name={`categories.${i}.places`}
                    label={t('call.places')}
                    required
                    min={1}
                    allowDecimal={false}
                    allowNegative={false}
                    value={row.places}
                    onChange={(v) => setCategory(i, { places: toNumber(v) })}
                    error={err(`categories.${i}.places`)}
                  />
                </SimpleGrid>
                <RemoveRow
                  label={t('callForm.removeCategory', { index: i + 1 })}
                  disabled={values.categories.length === 1}
                  onClick={() =>
                    set(
                      'categories',
                      values.categories.filter((_, j) => j !== i),
                    )
                  }
                />
              </Group>
            </Card>
          ))}
          <Button
            variant="default"
            onClick={() => set('categories', [...values.categories, emptyCategory()])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('callForm.addCategory')}
          </Button>
        </Section>
        <Section title={t('callForm.scoring')} help={t('callForm.scoringHelp')}>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <NumberInput
              name="scoreMin"
              label={t('callForm.scoreMin')}
              required
              decimalScale={2}
              value={values.scoreMin}
              onChange={(v) => set('scoreMin', toNumber(v))}
              error={err('scoreMin')}
            />
            <NumberInput
              name="scoreMax"
              label={t('callForm.scoreMax')}
              required
              decimalScale={2}
              value={values.scoreMax}
              onChange={(v) => set('scoreMax', toNumber(v))}
              error={err('scoreMax')}
            />
          </SimpleGrid>
          {err('criteria') && <FormErrors ids={[errors.byField.criteria as MessageId]} />}
          {values.criteria.map((row, i) => (
            <Card key={row.key} withBorder padding="sm" radius="md" data-testid="criterion-row">
              <Group align="flex-start" wrap="nowrap" gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                  <TextInput
                    name={`criteria.${i}.nameFr`}
                    label={t('callForm.nameFr')}
                    required
                    lang="fr"
                    value={row.nameFr}
                    onChange={(e) => setCriterion(i, { nameFr: e.currentTarget.value })}
                    error={err(`criteria.${i}.nameFr`)}
                  />
                  <TextInput
                    name={`criteria.${i}.nameAr`}
                    label={t('callForm.nameAr')}
                    lang="ar"
                    dir="rtl"
                    value={row.nameAr}
                    onChange={(e) => setCriterion(i, { nameAr: e.currentTarget.value })}
                    error={err(`criteria.${i}.nameAr`)}
                  />
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
                    onChange={(v) => setCriterion(i, { weight: toNumber(v) })}
                    error={err(`criteria.${i}.weight`)}
                  />
                </SimpleGrid>
                <RemoveRow
                  label={t('callForm.removeCriterion', { index: i + 1 })}
                  disabled={values.criteria.length === 1}
                  onClick={() =>
                    set(
                      'criteria',
                      values.criteria.filter((_, j) => j !== i),
                    )
                  }
                />
              </Group>
            </Card>
          ))}
          <Button
            variant="default"
            onClick={() => set('criteria', [...values.criteria, emptyCriterion()])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('callForm.addCriterion')}
          </Button>
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
