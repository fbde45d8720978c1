import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LedgerSummary } from '../components/ledger-figures';
import { LedgerTable } from '../components/ledger-table';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import {
  type LedgerParams,
  type LedgerSort,
  parseLedgerParams,
  rangeIsValid,
  toLedgerParams,
  toPoints,
} from '../lib/ledger';
import { useCentreToday } from '../lib/use-centre-today';
import { isDay } from '../lib/week-grid';
import { NotFoundPage } from './not-found-page';

const LedgerPageQuery = graphql(`
  query LedgerPage($cohortId: ID!, $from: Date, $to: Date, $sort: LedgerSort) {
    timetableSettings {
      ledgerTolerance
    }
    cohortLedger(cohortId: $cohortId, from: $from, to: $to, sort: $sort) {
      cohort {
        id
        label
        startsOn
        endsOn
        programme {
          id
          theoryShare
          trade {
            id
            nameFr
            nameAr
          }
        }
      }
      figures {
        ...LedgerFigures_LedgerFiguresFragment
      }
      trainees {
        enrollment {
          id
        }
        ...LedgerTable_TraineeLedgerFragment
      }
    }
  }
`);

function useLedgerParams(): [LedgerParams, (change: Partial<LedgerParams>) => void] {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const state = useMemo(() => parseLedgerParams(new URLSearchParams(query)), [query]);
  const update = useCallback(
    (change: Partial<LedgerParams>) =>
      setParams((current) => toLedgerParams({ ...parseLedgerParams(current), ...change })),
    [setParams],
  );
  return [state, update];
}

/**
 * The 20/80 ledger of a cohort: its figures, then each trainee's planned against attended hours in
 * the centre and at the workshop, the share, the drift from the programme's target and what was
 * never recorded. Range and order live in the address.
 */
export function LedgerPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const today = useCentreToday();
  const [state, update] = useLedgerParams();
  const [result, reexecute] = useQuery({
    query: LedgerPageQuery,
    variables: { cohortId: id, from: state.from, to: state.to, sort: state.sort },
  });

  // The ledger of a cohort that does not exist is a NOT_FOUND error, not an empty answer.
  if (!result.data && result.error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND')) {
    return (
      <NotFoundPage title={t('cohort.notFound')} back={{ to: '/cohorts', label: t('cohort.backToList') }} />
    );
  }

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ cohortLedger, timetableSettings }) => {
        const { cohort } = cohortLedger;
        // The API's own default: the cohort's start, and today (or its end when it is over).
        const from = state.from ?? cohort.startsOn;
        // Days as YYYY-MM-DD sort as text.
        const to = state.to ?? [today, cohort.endsOn].sort()[0]!;
        const tolerance = toPoints(timetableSettings.ledgerTolerance) ?? 5;
        return (
          <Stack gap="lg">
            <Breadcrumbs>
              <Anchor component={Link} to="/cohorts">
                {t('cohorts.title')}
              </Anchor>
              <Anchor component={Link} to={`/cohorts/${cohort.id}`}>
                {cohort.label}
              </Anchor>
              <Text>{t('ledger.link')}</Text>
            </Breadcrumbs>
            <div>
              <Title order={1} data-testid="ledger-title">
                {t('ledger.title', { cohort: isolate(cohort.label) })}
              </Title>
              <Text c="dimmed">
                {localName(cohort.programme.trade, locale)} ·{' '}
                {t('ledger.targetIs', { target: format.number(toPoints(cohort.programme.theoryShare) ?? 0) })}
              </Text>
              <Text size="sm" c="dimmed" maw={820}>
                {t('ledger.intro')}
              </Text>
            </div>
            <RangeForm
              key={`${from}/${to}`}
              from={from}
              to={to}
              custom={state.from !== null || state.to !== null}
              onApply={(range) => update(range)}
              onReset={() => update({ from: null, to: null })}
            />
            <Text data-testid="ledger-range" fw={600}>
              {t('cohort.dates', { start: format.day(from, 'long'), end: format.day(to, 'long') })}
            </Text>
            <LedgerSummary figures={cohortLedger.figures} />
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <Title order={2} size="h3">
                  {t('ledger.trainees', { count: cohortLedger.trainees.length })}
                </Title>
                <Group gap="xs" align="center">
                  <Text size="sm" id="ledger-sort-label">
                    {t('ledger.sort')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="ledger-sort-label"
                    value={state.sort}
                    onChange={(value) => update({ sort: value as LedgerSort })}
                    data={[
                      { value: 'DRIFT', label: t('ledger.sortDrift') },
                      { value: 'NAME', label: t('ledger.sortName') },
                    ]}
                    data-testid="ledger-sort"
                  />
                </Group>
              </Group>
              <LedgerTable trainees={cohortLedger.trainees} />
              <Text size="sm" c="dimmed" maw={820}>
                {t('ledger.statusHelp', {
                  tolerance: format.number(tolerance),
                  twice: format.number(tolerance * 2),
                })}
              </Text>
            </Stack>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}

function RangeForm({
  from,
  to,
  custom,
  onApply,
  onReset,
}: {
  from: string;
  to: string;
  custom: boolean;
  onApply: (range: { from: string; to: string }) => void;
  onReset: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState({ from, to });
  const valid = isDay(draft.from) && isDay(draft.to) && rangeIsValid(draft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label={t('ledger.range')} data-testid="ledger-range-form">
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          name="from"
          label={t('ledger.from')}
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          name="to"
          label={t('ledger.to')}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
          error={
            isDay(draft.from) && isDay(draft.to) && !rangeIsValid(draft)
              ? t('ledger.invalidRange')
              : undefined
          }
        />
        <Button type="submit" variant="default" disabled={!valid}>
          {t('ledger.apply')}
        </Button>
        {custom && (
          <Button variant="subtle" onClick={onReset}>
            {t('ledger.resetRange')}
          </Button>
        )}
      </Group>
    </form>
  );
}
