import type { ResultOf } from '@graphql-typed-document-node/core';
import {
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { RegistrationStatus } from '../gql/graphql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { EMPTY_PERSON, PERSON_FIELDS, type PersonFormValues, toPersonInput } from '../lib/person-form';
import { useDebouncedText } from '../lib/use-debounced-text';
import { AppModal } from './app-modal';
import { DuplicateWarning } from './duplicate-warning';
import { FormErrors } from './form-errors';
import { searchReady } from './search-picker';
import { useMutationForm } from './use-mutation-form';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const RegisterPeopleSearchQuery = graphql(`
  query RegisterPeopleSearch($search: String!) {
    people(first: 8, search: $search) {
      edges {
        node {
          id
          fullName
          birthDate
          phone
        }
      }
    }
  }
`);

const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      registration {
        id
        status
        waitlistPosition
        person {
          id
          fullName
        }
        course {
          id
        }
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

type Duplicates = NonNullable<ResultOf<typeof RegisterMutation>['register']>['duplicates'];

export interface RegisteredOutcome {
  name: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
}

// The API's register errors name the person's fields, or none (course closed, already registered).
const FIELDS = [...PERSON_FIELDS, 'personId'];

/**
 * Registers someone on a course: a person the centre already knows, found by name, phone or CIN, or
 * a new one with the few fields a short training needs. A new record that looks like an existing
 * one is not created until the person says which it is.
 */
export function RegisterDialog({
  courseId,
  opened,
  onClose,
  onRegistered,
}: {
  courseId: string;
  opened: boolean;
  onClose: () => void;
  onRegistered: (outcome: RegisteredOutcome) => void;
}) {
  const t = useT();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('registration.register')} size="lg">
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value === 'new' ? 'new' : 'existing')}
          data={[
            { value: 'existing', label: t('registration.existing') },
            { value: 'new', label: t('registration.newPerson') },
          ]}
          fullWidth
        />
        {mode === 'existing' ? (
          <ExistingPerson courseId={courseId} onRegistered={onRegistered} />
        ) : (
          <NewPerson courseId={courseId} onRegistered={onRegistered} />
        )}
      </Stack>
    </AppModal>
  );
}

function outcomeOf(
  registration: NonNullable<NonNullable<ResultOf<typeof RegisterMutation>['register']>['registration']>,
): RegisteredOutcome {
  return {
    name: registration.person.fullName,
    status: registration.status,
    waitlistPosition: registration.waitlistPosition ?? null,
  };
}

function ExistingPerson({
  courseId,
  onRegistered,
}: {
  courseId: string;
  onRegistered: (outcome: RegisteredOutcome) => void;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const [search, setSearch] = useState('');
  const [text, setText, flush] = useDebouncedText(search, setSearch, 250);
  const [people] = useQuery({
    query: RegisterPeopleSearchQuery,
    variables: { search },
    pause: !searchReady(search),
  });
  const [state, register] = useMutation(RegisterMutation);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [busyId, setBusyId] = useState<string | null>(null);

  const choose = async (personId: string) => {
    setErrors(NO_ERRORS);
    setBusyId(personId);
    const result = await register({ input: { courseId, personId } });
    setBusyId(null);
    const payload = result.data?.register;
    const problems = mutationErrors(payload, result.error, []);
    if (problems) return setErrors(problems);
    if (payload?.registration) onRegistered(outcomeOf(payload.registration));
  };

  const found = searchReady(search) ? (people.data?.people.edges ?? []) : [];
  return (
    <Stack data-testid="register-existing">
      <TextInput
        type="search"
        name="personSearch"
        label={t('registration.search')}
        description={t('registration.searchHelp')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            flush();
          }
        }}
        rightSection={people.fetching ? <Loader size="xs" /> : null}
        data-autofocus
      />
      <FormErrors ids={errors.general} />
      {searchReady(search) && !people.fetching && found.length === 0 && (
        <Text c="dimmed">{t('registration.noMatch')}</Text>
      )}
      <Stack gap="xs" aria-live="polite">
        {found.map(({ node }) => (
          <Group
            key={node.id}
            justify="space-between"
            wrap="nowrap"
            data-testid="person-match"
            data-person={node.id}
          >
            <div>
              <Text fw={600}>{node.fullName}</Text>
              <Text size="sm" c="dimmed">
                {format.day(node.birthDate)}
                {node.phone && (
                  <>
                    {' · '}
                    <span dir="ltr">{node.phone}</span>
                  </>
                )}
              </Text>
            </div>
            <Button
              size="xs"
              onClick={() => void choose(node.id)}
              loading={state.fetching && busyId === node.id}
              disabled={state.fetching}
              aria-label={t('registration.registerLabel', { name: node.fullName })}
            >
              {t('registration.registerThis')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

/** The person fields a short training asks for; the rest of the record can be filled in later. */
const MINIMAL_FIELDS = [
  'firstNameLatin',
  'lastNameLatin',
  'firstNameAr',
  'lastNameAr',
  'birthDate',
  'phone',
] as const;

function NewPerson({
  courseId,
  onRegistered,
}: {
  courseId: string;
  onRegistered: (outcome: RegisteredOutcome) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<PersonFormValues>(EMPTY_PERSON);
  const { errors, setErrors, formRef, err: error, refused, accepted } = useMutationForm();
  const [duplicates, setDuplicates] = useState<Duplicates>([]);
  const [state, register] = useMutation(RegisterMutation);
  const set = <F extends keyof PersonFormValues>(field: F, value: PersonFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // The warning was about the values as they were: changed values are checked again.
    setDuplicates([]);
  };
  const send = async (input: { personId?: string; ignoreDuplicates?: boolean }) => {
    const checked = toPersonInput(values);
    if (!input.personId && !checked.input) return refused(checked.errors);
    setErrors(NO_ERRORS);
    const result = await register({
      input: input.personId
        ? { courseId, personId: input.personId }
        : { courseId, person: checked.input, ignoreDuplicates: input.ignoreDuplicates ?? false },
    });
    const payload = result.data?.register;
    if (!accepted(payload, result.error, FIELDS)) return;
    if (payload?.registration) return onRegistered(outcomeOf(payload.registration));
    setDuplicates(payload?.duplicates ?? []);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send({});
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="register-new">
      <Stack>
        <FormErrors ids={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {MINIMAL_FIELDS.map((field) => (
            <TextInput
              key={field}
              name={field}
              label={t(`person.${field}`)}
              required={field === 'firstNameLatin' || field === 'lastNameLatin' || field === 'birthDate'}
              type={field === 'birthDate' ? 'date' : field === 'phone' ? 'tel' : 'text'}
              dir={field.endsWith('Ar') ? 'rtl' : 'ltr'}
              lang={field.endsWith('Ar') ? 'ar' : undefined}
              autoComplete="off"
              value={values[field]}
              onChange={(e) => set(field, e.currentTarget.value)}
              error={error(field)}
              disabled={state.fetching}
            />
          ))}
          <Select
            name="sex"
            label={t('person.sex')}
            required
            data={[
              { value: 'F', label: t('sex.F') },
              { value: 'M', label: t('sex.M') },
            ]}
            value={values.sex || null}
            onChange={(value) => set('sex', value === 'F' || value === 'M' ? value : '')}
            error={error('sex')}
            disabled={state.fetching}
          />
        </SimpleGrid>
        {duplicates.length > 0 && (
          <DuplicateWarning
            duplicates={duplicates}
            busy={state.fetching}
            useLabel={t('registration.useRecord')}
            createAnywayLabel={t('registration.registerAnyway')}
            body={t('registration.duplicatesBody')}
            onUse={(personId) => void send({ personId })}
            onCreateAnyway={() => void send({ ignoreDuplicates: true })}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={state.fetching} disabled={duplicates.length > 0}>
            {t('registration.createAndRegister')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
