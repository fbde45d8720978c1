import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { SearchPicker, searchReady } from './search-picker';
import { useMutationForm } from './use-mutation-form';
import type { SplitErrors } from './user-errors';

const CreateVentureChoicesQuery = graphql(`
  query CreateVentureChoices {
    cohorts(first: 50) {
      edges {
        node {
          id
          label
        }
      }
    }
    coaches: members(first: 100, role: COACH) {
      edges {
        node {
          id
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

const FounderSearchQuery = graphql(`
  query FounderSearch($search: String!) {
    people(first: 8, search: $search) {
      edges {
        node {
          id
          fullName
          birthDate
        }
      }
    }
  }
`);

const CreateVentureMutation = graphql(`
  mutation CreateVenture($input: CreateVentureInput!) {
    createVenture(input: $input) {
      venture {
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

const FIELDS = [
  'name',
  'sector',
  'description',
  'cohortId',
  'founderIds',
  'coachUserId',
  'province',
  'selectedOn',
];

/** Staff record a venture: its name and sector, its founders (people the centre knows), cohort and coach. */
export function CreateVentureDialog({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (ventureId: string) => void;
}) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('ventures.new')} size="lg">
      {opened && <CreateVentureForm onCreated={onCreated} />}
    </AppModal>
  );
}

function CreateVentureForm({ onCreated }: { onCreated: (ventureId: string) => void }) {
  const t = useT();
  const [choices] = useQuery({ query: CreateVentureChoicesQuery });
  const [name, setName] = useState('');
  const [sector, setSector] = useState('');
  const [description, setDescription] = useState('');
  const [province, setProvince] = useState('');
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [coachUserId, setCoachUserId] = useState<string | null>(null);
  const [founders, setFounders] = useState<{ id: string; name: string }[]>([]);
  const { errors, err, formRef, refused, accepted } = useMutationForm();
  const [state, create] = useMutation(CreateVentureMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const byField: SplitErrors['byField'] = {};
    if (!name.trim()) byField.name = 'errors.REQUIRED';
    if (!sector.trim()) byField.sector = 'errors.REQUIRED';
    if (founders.length === 0) byField.founderIds = 'ventures.founderRequired';
    if (refused(byField)) return;
    const result = await create({
      input: {
        name: name.trim(),
        sector: sector.trim(),
        description: description.trim() || null,
        province: province.trim() || null,
        cohortId,
        coachUserId,
        founderIds: founders.map((f) => f.id),
      },
    });
    const payload = result.data?.createVenture;
    if (accepted(payload, result.error, FIELDS) && payload?.venture) onCreated(payload.venture.id);
  };

  const cohorts = choices.data?.cohorts.edges.map((e) => ({ value: e.node.id, label: e.node.label })) ?? [];
  // One person may hold the COACH role once; the list offers each coach once.
  const coaches = [
    ...new Map(
      (choices.data?.coaches.edges ?? []).map((e) => [
        e.node.user.id,
        { value: e.node.user.id, label: e.node.user.displayName },
      ]),
    ).values(),
  ];

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="create-venture">
      <Stack>
        <FormErrors ids={errors.general} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            name="name"
            label={t('venture.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
          />
          <TextInput
            name="sector"
            label={t('ventures.sector')}
            required
            value={sector}
            onChange={(e) => setSector(e.currentTarget.value)}
            error={err('sector')}
          />
          <Select
            name="cohortId"
            label={t('filters.cohort')}
            clearable
            data={cohorts}
            value={cohortId}
            onChange={setCohortId}
            error={err('cohortId')}
          />
          <Select
            name="coachUserId"
            label={t('venture.coach')}
            clearable
            searchable
            data={coaches}
            value={coachUserId}
            onChange={setCoachUserId}
            error={err('coachUserId')}
          />
          <TextInput
            name="province"
            label={t('person.province')}
            value={province}
            onChange={(e) => setProvince(e.currentTarget.value)}
            error={err('province')}
          />
        </SimpleGrid>
        <Textarea
          name="description"
          label={t('callForm.description')}
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={err('description')}
        />
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('venture.founders')}
          </Text>
          {founders.map((founder, i) => (
            <Group key={founder.id} justify="space-between" wrap="nowrap" data-testid="chosen-founder">
              <Text>
                {founder.name}
                {i === 0 && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    · {t('venture.lead')}
                  </Text>
                )}
              </Text>
              <Button
                variant="default"
                size="xs"
                onClick={() => setFounders(founders.filter((f) => f.id !== founder.id))}
              >
                {t('ventures.removeFounder')}
              </Button>
            </Group>
          ))}
          <FounderSearch
            exclude={founders.map((f) => f.id)}
            onChoose={(founder) => setFounders([...founders, founder])}
            error={err('founderIds')}
          />
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={state.fetching}>
            {t('ventures.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FounderSearch({
  exclude,
  onChoose,
  error,
}: {
  exclude: readonly string[];
  onChoose: (founder: { id: string; name: string }) => void;
  error?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const ready = searchReady(search);
  const [result] = useQuery({ query: FounderSearchQuery, variables: { search }, pause: !ready });
  const found = ready
    ? (result.data?.people.edges ?? [])
        .filter(({ node }) => !exclude.includes(node.id))
        .map(({ node }) => ({ id: node.id, name: node.fullName }))
    : [];
  return (
    <SearchPicker
      name="founderSearch"
      label={t('ventures.addFounder')}
      description={t('ventures.addFounderHelp')}
      error={error}
      matchTestId="founder-match"
      search={search}
      onSearch={setSearch}
      matches={found}
      fetching={result.fetching}
      onChoose={onChoose}
    />
  );
}
