import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import type { SplitErrors } from './user-errors';

// The fields a venture is described by, shared by the form that records one and the one that edits it.

export interface VentureDetails {
  name: string;
  sector: string;
  description: string;
  province: string;
  coachUserId: string | null;
}

export const VENTURE_DETAIL_FIELDS = ['name', 'sector', 'description', 'province', 'coachUserId'];

export const NO_VENTURE_DETAILS: VentureDetails = {
  name: '',
  sector: '',
  description: '',
  province: '',
  coachUserId: null,
};

/** What the form refuses before asking the API: a name and a sector. */
export function ventureDetailsProblems(details: VentureDetails): SplitErrors['byField'] {
  const byField: SplitErrors['byField'] = {};
  if (!details.name.trim()) byField.name = 'errors.REQUIRED';
  if (!details.sector.trim()) byField.sector = 'errors.REQUIRED';
  return byField;
}

/** The details as the API takes them: trimmed, an empty optional text cleared. */
export function ventureDetailsInput(details: VentureDetails) {
  return {
    name: details.name.trim(),
    sector: details.sector.trim(),
    description: details.description.trim() || null,
    province: details.province.trim() || null,
    coachUserId: details.coachUserId,
  };
}

const VentureCoachesQuery = graphql(`
  query VentureCoaches {
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

/**
 * Name, sector, coach, province and description. `children` are further fields for the same grid
 * (the cohort, when a venture is recorded).
 */
export function VentureDetailsFields({
  value,
  onChange,
  err,
  children,
}: {
  value: VentureDetails;
  onChange: (next: VentureDetails) => void;
  err: (field: string) => string | undefined;
  children?: ReactNode;
}) {
  const t = useT();
  const [choices] = useQuery({ query: VentureCoachesQuery });
  // One person may hold the COACH role once; the list offers each coach once.
  const coaches = [
    ...new Map(
      (choices.data?.coaches.edges ?? []).map((e) => [
        e.node.user.id,
        { value: e.node.user.id, label: e.node.user.displayName },
      ]),
    ).values(),
  ];
  const set = (field: keyof VentureDetails) => (text: string) => onChange({ ...value, [field]: text });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          name="name"
          label={t('venture.name')}
          required
          value={value.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={err('name')}
        />
        <TextInput
          name="sector"
          label={t('ventures.sector')}
          required
          value={value.sector}
          onChange={(e) => set('sector')(e.currentTarget.value)}
          error={err('sector')}
        />
        {children}
        <Select
          name="coachUserId"
          label={t('venture.coach')}
          clearable
          searchable
          data={coaches}
          value={value.coachUserId}
          onChange={(coachUserId) => onChange({ ...value, coachUserId })}
          error={err('coachUserId')}
        />
        <TextInput
          name="province"
          label={t('person.province')}
          value={value.province}
          onChange={(e) => set('province')(e.currentTarget.value)}
          error={err('province')}
        />
      </SimpleGrid>
      <Textarea
        name="description"
        label={t('callForm.description')}
        rows={2}
        value={value.description}
        onChange={(e) => set('description')(e.currentTarget.value)}
        error={err('description')}
      />
    </>
  );
}
