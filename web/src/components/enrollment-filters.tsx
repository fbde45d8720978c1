import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import {
  AGE_BANDS,
  activeFilterCount,
  ageBandValue,
  DEFAULT_LIST_STATE,
  ENROLLMENT_SORTS,
  ENROLLMENT_STATUSES,
  type EnrollmentListState,
  parseAgeBand,
  SEXES,
} from '../lib/enrollment-filter';
import { useDebouncedText } from '../lib/use-debounced-text';

interface Named {
  id: string;
  nameFr: string;
  nameAr: string;
}

/**
 * The list's filters. Choices apply at once; the search and the province apply when typing pauses.
 * The page keeps them all in the address, so this only reports changes.
 */
export function EnrollmentFilters({
  state,
  onChange,
  trades,
  cohorts,
}: {
  state: EnrollmentListState;
  onChange: (change: Partial<EnrollmentListState>) => void;
  trades: readonly Named[];
  cohorts: readonly { id: string; label: string }[];
}) {
  const t = useT();
  const { locale } = useLocale();
  // On a phone the list comes first: the search stays, the other filters fold away.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [showAll, setShowAll] = useState(false);
  const [search, setSearch, flushSearch] = useDebouncedText(state.search, (value) =>
    onChange({ search: value }),
  );
  const [province, setProvince, flushProvince] = useDebouncedText(state.province, (value) =>
    onChange({ province: value }),
  );
  const band = ageBandValue(state);
  const bands = AGE_BANDS.map(ageBandValue);
  const bandOptions = (band && !bands.includes(band) ? [...bands, band] : bands).map((value) => {
    const { minAge, maxAge } = parseAgeBand(value);
    const label =
      minAge === null
        ? t('filters.ageUpTo', { max: maxAge ?? 0 })
        : maxAge === null
          ? t('filters.ageFrom', { min: minAge })
          : t('filters.ageBetween', { min: minAge, max: maxAge });
    return { value, label };
  });
  const enter = (flush: () => void) => (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') flush();
  };

  const searchInput = (
    <TextInput
      type="search"
      name="search"
      label={t('filters.search')}
      placeholder={t('filters.searchPlaceholder')}
      value={search}
      onChange={(event) => setSearch(event.currentTarget.value)}
      onKeyDown={enter(flushSearch)}
      onBlur={flushSearch}
    />
  );
  const others = (
    <>
      <Select
        name="cohort"
        label={t('filters.cohort')}
        placeholder={t('filters.allCohorts')}
        data={cohorts.map((cohort) => ({ value: cohort.id, label: cohort.label }))}
        value={state.cohortId}
        onChange={(value) => onChange({ cohortId: value })}
        searchable
        clearable
      />
      <Select
        name="trade"
        label={t('filters.trade')}
        placeholder={t('filters.allTrades')}
        data={trades.map((trade) => ({ value: trade.id, label: localName(trade, locale) }))}
        value={state.tradeId}
        onChange={(value) => onChange({ tradeId: value })}
        clearable
      />
      <MultiSelect
        name="status"
        label={t('filters.status')}
        placeholder={state.status.length === 0 ? t('filters.allStatuses') : undefined}
        data={ENROLLMENT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        value={state.status}
        onChange={(values) =>
          onChange({ status: ENROLLMENT_STATUSES.filter((status) => values.includes(status)) })
        }
        clearable
      />
      <Select
        name="sex"
        label={t('filters.sex')}
        placeholder={t('filters.allSexes')}
        data={SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))}
        value={state.sex}
        onChange={(value) => onChange({ sex: SEXES.find((sex) => sex === value) ?? null })}
        clearable
      />
      <Select
        name="age"
        label={t('filters.age')}
        placeholder={t('filters.allAges')}
        data={bandOptions}
        value={band || null}
        onChange={(value) => onChange(parseAgeBand(value))}
        clearable
      />
      <TextInput
        name="province"
        label={t('filters.province')}
        value={province}
        onChange={(event) => setProvince(event.currentTarget.value)}
        onKeyDown={enter(flushProvince)}
        onBlur={flushProvince}
      />
      <Select
        name="sort"
        label={t('filters.sort')}
        data={ENROLLMENT_SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
        value={state.sort}
        onChange={(value) =>
          onChange({ sort: ENROLLMENT_SORTS.find((sort) => sort === value) ?? DEFAULT_LIST_STATE.sort })
        }
        allowDeselect={false}
      />
    </>
  );
  const narrowed = activeFilterCount({ ...state, search: '' });

  return (
    <Stack gap="sm" data-testid="enrollment-filters">
      {phone ? (
        <>
          {searchInput}
          <Group>
            <Button
              variant="default"
              size="compact-md"
              onClick={() => setShowAll((open) => !open)}
              aria-expanded={showAll}
            >
              {t('filters.more', { count: narrowed })}
            </Button>
          </Group>
          {showAll && <Stack gap="sm">{others}</Stack>}
        </>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          {searchInput}
          {others}
        </SimpleGrid>
      )}
      {activeFilterCount(state) > 0 && (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => onChange({ ...DEFAULT_LIST_STATE, sort: state.sort })}
          >
            {t('filters.clear')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
