import { Button, Group, Loader, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { hostName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { errorMessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import {
  canSuggest,
  checkProposal,
  defaultProposal,
  type ProposalCohort,
  type ProposalField,
  type ProposalValues,
} from '../lib/placement-proposal';
import { FormErrors } from './form-errors';
import { inputFieldOf, NO_ERRORS, requestErrorId, type SplitErrors, type UserErrorLike } from './user-errors';
import { WeekdayPicker } from './weekday-picker';

// The form's own dialog asks which hosts have room for the dates being typed: the question changes
// with the form, so it lives here rather than in the page.
const HostSuggestionsQuery = graphql(`
  query HostSuggestions($enrollmentId: ID!, $startsOn: Date!, $endsOn: Date!, $weekdays: [Int!]) {
    hostSuggestions(enrollmentId: $enrollmentId, startsOn: $startsOn, endsOn: $endsOn, weekdays: $weekdays) {
      freePlaces
      distance
      host {
        id
        name
        nameAr
        province
        capacity
      }
    }
  }
`);

const ProposeHostChoicesQuery = graphql(`
  query ProposeHostChoices($tradeId: ID!) {
    hosts(first: 100, filter: { tradeId: $tradeId, status: [ACTIVE] }) {
      edges {
        node {
          id
          name
          nameAr
          province
        }
      }
    }
  }
`);

const ProposePlacementMutation = graphql(`
  mutation ProposePlacement($input: ProposePlacementInput!) {
    proposePlacement(input: $input) {
      placement {
        id
        status
        host {
          id
          name
          nameAr
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

const FIELDS: readonly ProposalField[] = ['startsOn', 'endsOn', 'weekdays', 'hostId'];

/**
 * Refusals about the proposal as a whole (the host is full or paused, the trainee is busy or not
 * enrolled…) are shown next to the button that asked, whatever input the API names; only plain
 * input problems go under their field.
 */
const PROPOSAL_REFUSALS = new Set([
  'HOST_FULL',
  'HOST_NOT_ACTIVE',
  'PLACEMENT_OVERLAP',
  'TRADE_MISMATCH',
  'OUTSIDE_COHORT_DATES',
  'NOT_ENROLLED',
]);

export function proposalErrors(errors: readonly UserErrorLike[]): SplitErrors {
  const split: SplitErrors = { byField: {}, general: [] };
  for (const error of errors) {
    const id = errorMessageId(error.code);
    const field = inputFieldOf(error.field);
    if (
      !PROPOSAL_REFUSALS.has(error.code) &&
      field &&
      (FIELDS as string[]).includes(field) &&
      !split.byField[field]
    ) {
      split.byField[field] = id;
    } else if (!split.general.includes(id)) split.general.push(id);
  }
  return split;
}

const DISTANCE: Record<number, MessageId> = {
  0: 'suggestion.sameProvince',
  1: 'suggestion.sameRegion',
  2: 'suggestion.elsewhere',
};

/** Proposes one enrolled trainee to a host: dates, weekdays, and a host with room, nearest first. */
export function ProposePlacementForm({
  enrollmentId,
  traineeName,
  cohort,
  today,
  onDone,
}: {
  enrollmentId: string;
  traineeName: string;
  cohort: ProposalCohort & { programme: { trade: { id: string } } };
  /** Today on the centre's clock. */
  today: string;
  onDone: (host: { name: string; nameAr?: string | null }) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [values, setValues] = useState<ProposalValues>(() => defaultProposal(cohort, today));
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, propose] = useMutation(ProposePlacementMutation);
  const set = <F extends keyof ProposalValues>(field: F, value: ProposalValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, byField: { ...e.byField, [field]: undefined } }));
  };

  // Suggestions follow the dates and weekdays, once typing pauses.
  const wanted = canSuggest(values) ? `${values.startsOn}|${values.endsOn}|${values.weekdays.join(',')}` : '';
  const [asked] = useDebouncedValue(wanted, 300);
  const [startsOn = '', endsOn = '', days = ''] = asked.split('|');
  const [suggestions] = useQuery({
    query: HostSuggestionsQuery,
    variables: { enrollmentId, startsOn, endsOn, weekdays: days.split(',').filter(Boolean).map(Number) },
    pause: !asked,
  });
  const [choices] = useQuery({
    query: ProposeHostChoicesQuery,
    variables: { tradeId: cohort.programme.trade.id },
  });
  const suggested = suggestions.data?.hostSuggestions ?? [];
  const suggestedIds = new Set(suggested.map((s) => s.host.id));
  const others = (choices.data?.hosts.edges ?? []).map((e) => e.node).filter((h) => !suggestedIds.has(h.id));

  const fieldError = (field: ProposalField) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkProposal(values);
    if (Object.keys(problems).length > 0) return setErrors({ byField: problems, general: [] });
    setErrors(NO_ERRORS);
    const result = await propose({
      input: {
        enrollmentId,
        hostId: values.hostId,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        weekdays: values.weekdays,
      },
    });
    const payload = result.data?.proposePlacement;
    if (!payload) return setErrors({ byField: {}, general: [requestErrorId(result.error ?? {})] });
    if (payload.errors.length > 0) return setErrors(proposalErrors(payload.errors));
    if (payload.placement) onDone(payload.placement.host);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="propose-form">
      <Stack>
        <Text fw={600}>{traineeName}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            name="startsOn"
            type="date"
            dir="ltr"
            label={t('placement.startsOn')}
            required
            min={cohort.startsOn}
            max={cohort.endsOn}
            value={values.startsOn}
            onChange={(e) => set('startsOn', e.currentTarget.value)}
            error={fieldError('startsOn')}
          />
          <TextInput
            name="endsOn"
            type="date"
            dir="ltr"
            label={t('placement.endsOn')}
            required
            min={cohort.startsOn}
            max={cohort.endsOn}
            value={values.endsOn}
            onChange={(e) => set('endsOn', e.currentTarget.value)}
            error={fieldError('endsOn')}
          />
        </SimpleGrid>
        <WeekdayPicker
          label={t('placement.weekdays')}
          description={t('placement.weekdaysHelp')}
          value={values.weekdays}
          onChange={(weekdays) => set('weekdays', weekdays)}
          error={fieldError('weekdays')}
        />
        <Radio.Group
          name="hostId"
          label={t('placement.suggestions')}
          description={t('placement.suggestionsHelp')}
          value={suggestedIds.has(values.hostId) ? values.hostId : null}
          onChange={(value) => set('hostId', value)}
          error={fieldError('hostId')}
          required
        >
          <Stack gap="xs" mt="xs" data-testid="suggestions">
            {!asked ? (
              <Text size="sm" c="dimmed">
                {t('placement.suggestionsNeedDates')}
              </Text>
            ) : suggestions.fetching && !suggestions.data ? (
              <Loader size="sm" aria-label={t('app.loading')} />
            ) : suggested.length === 0 ? (
              <Text size="sm" c="dimmed">
                {suggestions.error ? t(requestErrorId(suggestions.error)) : t('placement.noSuggestion')}
              </Text>
            ) : (
              suggested.map((suggestion) => (
                <Radio.Card key={suggestion.host.id} value={suggestion.host.id} radius="md" p="sm" withBorder>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator />
                    <div>
                      <Text fw={600} size="sm">
                        {hostName(suggestion.host, locale)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {suggestion.host.province} ·{' '}
                        {t(DISTANCE[suggestion.distance] ?? 'suggestion.elsewhere')}
                      </Text>
                      <Text size="sm">
                        {t('suggestion.freePlaces', {
                          count: suggestion.freePlaces,
                          capacity: suggestion.host.capacity,
                        })}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))
            )}
          </Stack>
        </Radio.Group>
        <Select
          name="otherHost"
          label={t('placement.otherHost')}
          description={t('placement.otherHostHelp')}
          placeholder={t('placement.otherHostPlaceholder')}
          searchable
          clearable
          data={others.map((host) => ({
            value: host.id,
            label: `${hostName(host, locale)} — ${host.province}`,
          }))}
          value={values.hostId && !suggestedIds.has(values.hostId) ? values.hostId : null}
          onChange={(value) => set('hostId', value ?? '')}
          nothingFoundMessage={t('placement.noHost')}
        />
        <FormErrors ids={errors.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={state.fetching}>
            {t('placement.propose')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
