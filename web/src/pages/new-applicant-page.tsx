import type { ResultOf } from '@graphql-typed-document-node/core';
import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DuplicateWarning } from '../components/duplicate-warning';
import { FormErrors } from '../components/form-errors';
import { NotAllowed } from '../components/not-allowed';
import { PersonForm } from '../components/person-form';
import { mutationErrors, NO_ERRORS, type SplitErrors } from '../components/user-errors';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { EMPTY_PERSON, PERSON_FIELDS, personMutationErrors, toPersonInput } from '../lib/person-form';
import { useFocusFirstError } from '../lib/use-focus-first-error';
import { useCanWriteEnrollment } from '../session/permissions';

const NewApplicantPageQuery = graphql(`
  query NewApplicantPage {
    cohorts(first: 100) {
      edges {
        node {
          id
          label
          programme {
            id
            minAge
            maxAge
            trade {
              id
              nameFr
              nameAr
            }
          }
          overview {
            capacityLeft
          }
        }
      }
    }
  }
`);

const CreatePersonMutation = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      person {
        id
        fullName
      }
      duplicates {
        person {
          id
        }
        ...DuplicateWarning_PossibleDuplicateFragment
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const ApplyMutation = graphql(`
  mutation Apply($input: ApplyInput!) {
    apply(input: $input) {
      enrollment {
        id
        status
        person {
          id
        }
        cohort {
          id
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

// The API's apply errors name the person's fields (birthDate, schoolLevel) or the cohort.
const FIELDS = [...PERSON_FIELDS, 'cohortId'];

type Duplicates = NonNullable<ResultOf<typeof CreatePersonMutation>['createPerson']>['duplicates'];

/**
 * A new applicant: their record, then their application to a cohort. A record that looks like an
 * existing one is not created until the person says so; applying to the existing one is offered.
 */
export function NewApplicantPage() {
  const canWrite = useCanWriteEnrollment();
  return canWrite ? <NewApplicantForm /> : <NotAllowed />;
}

function NewApplicantForm() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [cohortId, setCohortId] = useState(params.get('cohort') ?? '');
  const [values, setValues] = useState(EMPTY_PERSON);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.byField);
  const [duplicates, setDuplicates] = useState<Duplicates>([]);
  // Once the record exists, submitting again only applies: it is never created twice.
  const [created, setCreated] = useState<{ id: string; fullName: string } | null>(null);
  const [cohorts] = useQuery({ query: NewApplicantPageQuery });
  const [createState, createPerson] = useMutation(CreatePersonMutation);
  const [applyState, apply] = useMutation(ApplyMutation);
  const busy = createState.fetching || applyState.fetching;

  const applyTo = async (personId: string, fields: readonly string[]) => {
    const result = await apply({ input: { personId, cohortId } });
    const problems = mutationErrors(result.data?.apply, result.error, fields);
    if (problems) {
      setErrors(problems);
      return;
    }
    navigate(`/people/${personId}`);
  };

  const submit = async (ignoreDuplicates: boolean) => {
    const missing: Partial<Record<string, MessageId>> = {};
    if (!cohortId) missing.cohortId = 'errors.REQUIRED';
    if (created) {
      if (!cohortId) return setErrors({ byField: missing, general: [] });
      setErrors(NO_ERRORS);
      return applyTo(created.id, ['cohortId']);
    }
    const checked = toPersonInput(values);
    if (!checked.input || !cohortId)
      return setErrors({ byField: { ...checked.errors, ...missing }, general: [] });
    setErrors(NO_ERRORS);
    setDuplicates([]);
    const result = await createPerson({ input: { person: checked.input, ignoreDuplicates } });
    const payload = result.data?.createPerson;
    const problems = personMutationErrors(payload, result.error);
    if (problems) return setErrors(problems);
    if (!payload?.person) return setDuplicates(payload?.duplicates ?? []);
    setCreated(payload.person);
    return applyTo(payload.person.id, FIELDS);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };
  const cohortError = errors.byField.cohortId;
  const cohortChoices =
    cohorts.data?.cohorts.edges.map(({ node }) => ({
      value: node.id,
      label: `${node.label} — ${localName(node.programme.trade, locale)} (${t('cohort.capacityLeft', { count: node.overview.capacityLeft })})`,
    })) ?? [];

  return (
    <Stack gap="lg" maw={960}>
      <Breadcrumbs>
        <Anchor component={Link} to="/enrollment">
          {t('enrollment.title')}
        </Anchor>
        <Text>{t('applicant.new')}</Text>
      </Breadcrumbs>
      <Title order={1}>{t('applicant.new')}</Title>
      <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="applicant-form">
        <Stack gap="lg">
          <FormErrors ids={errors.general} />
          {created && (
            <Alert color="yellow" variant="light" role="status" data-testid="created-not-applied">
              {t('applicant.createdNotApplied')}{' '}
              <Anchor component={Link} to={`/people/${created.id}`}>
                {created.fullName}
              </Anchor>
            </Alert>
          )}
          <Card withBorder radius="md" padding="lg">
            <Select
              name="cohortId"
              label={t('applicant.cohort')}
              description={t('applicant.cohortHelp')}
              required
              searchable
              data={cohortChoices}
              value={cohortId || null}
              onChange={(value) => setCohortId(value ?? '')}
              error={cohortError ? t(cohortError) : undefined}
            />
          </Card>
          <Card withBorder radius="md" padding="lg">
            <PersonForm
              values={values}
              onChange={(next) => {
                setValues(next);
                // The warning was about the values as they were: changed values are checked again.
                setDuplicates([]);
              }}
              errors={errors.byField}
              disabled={busy || created !== null}
            />
          </Card>
          {duplicates.length > 0 && (
            <DuplicateWarning
              duplicates={duplicates}
              busy={busy}
              onUse={(personId) => {
                setErrors(NO_ERRORS);
                if (!cohortId) return setErrors({ byField: { cohortId: 'errors.REQUIRED' }, general: [] });
                void applyTo(personId, ['cohortId']);
              }}
              onCreateAnyway={() => void submit(true)}
            />
          )}
          <Group justify="flex-end">
            <Button component={Link} to="/enrollment" variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={duplicates.length > 0}>
              {created ? t('applicant.applyOnly') : t('applicant.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
