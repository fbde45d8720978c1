import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { SearchPicker, searchReady } from './search-picker';
import { useMutationForm } from './use-mutation-form';
import {
  NO_VENTURE_DETAILS,
  VENTURE_DETAIL_FIELDS,
  type VentureDetails,
  VentureDetailsFields,
  ventureDetailsInput,
  ventureDetailsProblems,
} from './venture-details-fields';

const CreateVentureCohortsQuery = graphql(`
  query CreateVentureCohorts {
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

const FIELDS = [...VENTURE_DETAIL_FIELDS, 'cohortId', 'founderIds', 'selectedOn'];

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
  const [cohortChoices] = useQuery({ query: CreateVentureCohortsQuery });
  const [details, setDetails] = useState<VentureDetails>(NO_VENTURE_DETAILS);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [founders, setFounders] = useState<{ id: string; name: string }[]>([]);
  const { errors, err, formRef, refused, accepted } = useMutationForm();
  const [state, create] = useMutation(CreateVentureMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const byField = ventureDetailsProblems(details);
    if (founders.length === 0) byField.founderIds = 'ventures.founderRequired';
    if (refused(byField)) return;
    const result = await create({
      input: {
        ...ventureDetailsInput(details),
        cohortId,
        founderIds: founders.map((f) => f.id),
      },
    });
    const payload = result.data?.createVenture;
    if (accepted(payload, result.error, FIELDS) && payload?.venture) onCreated(payload.venture.id);
  };

  const cohorts =
    cohortChoices.data?.cohorts.edges.map((e) => ({ value: e.node.id, label: e.node.label })) ?? [];

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="create-venture">
      <Stack>
        <FormErrors ids={errors.general} />
        <VentureDetailsFields value={details} onChange={setDetails} err={err}>
          <Select
            name="cohortId"
            label={t('filters.cohort')}
            clearable
            data={cohorts}
            value={cohortId}
            onChange={setCohortId}
            error={err('cohortId')}
          />
        </VentureDetailsFields>
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
