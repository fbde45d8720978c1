import type { ResultOf } from '@graphql-typed-document-node/core';
import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { DuplicateWarning } from '../components/duplicate-warning';
import { EnrollmentHistory } from '../components/enrollment-history';
import { FormErrors } from '../components/form-errors';
import { PersonDetails } from '../components/person-details';
import { PersonForm } from '../components/person-form';
import { PersonProgrammes } from '../components/person-programmes';
import { QueryBoundary } from '../components/query-boundary';
import { mutationErrors, NO_ERRORS, type SplitErrors } from '../components/user-errors';
import { graphql } from '../gql';
import type { PersonInput } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import {
  type PersonFormValues,
  personFormFrom,
  personMutationErrors,
  toPersonInput,
} from '../lib/person-form';
import { useFocusFirstError } from '../lib/use-focus-first-error';
import { useCanWriteEnrollment } from '../session/permissions';

const PersonPageQuery = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      id
      fullName
      firstNameLatin
      lastNameLatin
      firstNameAr
      lastNameAr
      sex
      birthDate
      cin
      phone
      guardianName
      guardianPhone
      schoolLevel
      hasDisability
      province
      mergedInto {
        id
        fullName
      }
      ...PersonDetails_PersonFragment
      enrollments {
        id
        ...EnrollmentHistory_EnrollmentFragment
      }
    }
  }
`);

// Apart from the page's own query: a history that cannot be read must not hide the person's record.
const PersonProgrammesQuery = graphql(`
  query PersonProgrammes($id: ID!) {
    person(id: $id) {
      id
      ...PersonProgrammes_PersonFragment
    }
  }
`);

const PossibleDuplicatesQuery = graphql(`
  query PossibleDuplicates($input: PersonInput!) {
    possibleDuplicates(input: $input) {
      person {
        id
      }
      ...DuplicateWarning_PossibleDuplicateFragment
    }
  }
`);

const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      person {
        id
        fullName
        firstNameLatin
        lastNameLatin
        firstNameAr
        lastNameAr
        sex
        birthDate
        cin
        phone
        guardianName
        guardianPhone
        schoolLevel
        hasDisability
        province
        ...PersonDetails_PersonFragment
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

const MergePeopleMutation = graphql(`
  mutation MergePeople($input: MergePeopleInput!) {
    mergePeople(input: $input) {
      person {
        id
        enrollments {
          id
          ...EnrollmentHistory_EnrollmentFragment
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

/** One person: who they are, every enrollment with its history; writers edit and merge duplicates. */
export function PersonPage() {
  const { id = '' } = useParams();
  const t = useT();
  const canWrite = useCanWriteEnrollment();
  const [result, reexecute] = useQuery({ query: PersonPageQuery, variables: { id } });
  const [programmes] = useQuery({ query: PersonProgrammesQuery, variables: { id } });
  const [editing, setEditing] = useState(false);

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ person }) =>
        !person ? (
          <Stack align="flex-start">
            <Title order={1}>{t('person.notFound')}</Title>
            <Anchor component={Link} to="/enrollment">
              {t('person.backToList')}
            </Anchor>
          </Stack>
        ) : (
          <Stack gap="lg">
            <Breadcrumbs>
              <Anchor component={Link} to="/enrollment">
                {t('enrollment.title')}
              </Anchor>
              <Text>{person.fullName}</Text>
            </Breadcrumbs>
            <Group justify="space-between" align="flex-start">
              <Title order={1} data-testid="person-name">
                {person.fullName}
              </Title>
              {canWrite && !person.mergedInto && !editing && (
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('person.edit')}
                </Button>
              )}
            </Group>
            {person.mergedInto && (
              <Alert color="yellow" variant="light" role="status">
                {t('person.mergedInto')}{' '}
                <Anchor component={Link} to={`/people/${person.mergedInto.id}`}>
                  {person.mergedInto.fullName}
                </Anchor>
              </Alert>
            )}
            {editing ? (
              <EditPerson
                personId={person.id}
                initial={personFormFrom(person)}
                onDone={() => setEditing(false)}
              />
            ) : (
              <PersonDetails person={person} />
            )}
            <Title order={2} size="h3">
              {t('person.enrollments')}
            </Title>
            {person.enrollments.length === 0 ? (
              <Text c="dimmed">{t('person.noEnrollment')}</Text>
            ) : (
              person.enrollments.map((enrollment) => (
                <EnrollmentHistory
                  key={enrollment.id}
                  enrollment={enrollment}
                  personName={person.fullName}
                  canWrite={canWrite && !person.mergedInto}
                />
              ))
            )}
            {programmes.data?.person && <PersonProgrammes person={programmes.data.person} />}
            {canWrite && !person.mergedInto && (
              <Duplicates
                personId={person.id}
                personName={person.fullName}
                input={toPersonInput(personFormFrom(person)).input}
              />
            )}
          </Stack>
        )
      }
    </QueryBoundary>
  );
}

function EditPerson({
  personId,
  initial,
  onDone,
}: {
  personId: string;
  initial: PersonFormValues;
  onDone: () => void;
}) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors.byField);
  const [state, update] = useMutation(UpdatePersonMutation);
  const [duplicates, setDuplicates] = useState<
    NonNullable<ResultOf<typeof UpdatePersonMutation>['updatePerson']>['duplicates']
  >([]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = toPersonInput(values);
    if (!checked.input) return setErrors({ byField: checked.errors, general: [] });
    setErrors(NO_ERRORS);
    setDuplicates([]);
    const result = await update({ input: { id: personId, person: checked.input } });
    const payload = result.data?.updatePerson;
    const problems = personMutationErrors(payload, result.error);
    if (problems) return setErrors(problems);
    const others = payload?.duplicates.filter((d) => d.person.id !== personId) ?? [];
    if (others.length > 0 || !payload?.person) return setDuplicates(others);
    onDone();
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="person-edit-form">
        <Stack>
          <FormErrors ids={errors.general} />
          <PersonForm
            values={values}
            onChange={setValues}
            errors={errors.byField}
            disabled={state.fetching}
          />
          {duplicates.length > 0 && (
            <DuplicateWarning duplicates={duplicates} busy={state.fetching} body={t('duplicates.bodyEdit')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={state.fetching}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Records that look like this person: merging one moves its enrollments and history here. */
function Duplicates({
  personId,
  personName,
  input,
}: {
  personId: string;
  personName: string;
  input: PersonInput | null;
}) {
  const t = useT();
  const [result, reexecute] = useQuery({
    query: PossibleDuplicatesQuery,
    variables: { input: input as PersonInput },
    pause: !input,
    requestPolicy: 'network-only',
  });
  const [merging, setMerging] = useState<{ id: string } | null>(null);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, merge] = useMutation(MergePeopleMutation);
  const others = (result.data?.possibleDuplicates ?? []).filter((d) => d.person.id !== personId);
  if (others.length === 0) return null;

  const confirm = async () => {
    if (!merging) return;
    setErrors(NO_ERRORS);
    const outcome = await merge({ input: { keepId: personId, mergeId: merging.id } });
    const problems = mutationErrors(outcome.data?.mergePeople, outcome.error, []);
    if (problems) return setErrors(problems);
    setMerging(null);
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <Title order={2} size="h3">
        {t('duplicates.section')}
      </Title>
      <DuplicateWarning
        duplicates={others}
        busy={state.fetching}
        body={t('duplicates.bodyMerge', { name: personName })}
        useLabel={t('duplicates.merge')}
        onUse={(id) => {
          setErrors(NO_ERRORS);
          setMerging({ id });
        }}
      />
      <AppModal opened={merging !== null} onClose={() => setMerging(null)} title={t('duplicates.mergeTitle')}>
        <Stack>
          <Text>{t('duplicates.mergeConfirm', { name: personName })}</Text>
          <FormErrors ids={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setMerging(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={confirm} loading={state.fetching}>
              {t('duplicates.merge')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
