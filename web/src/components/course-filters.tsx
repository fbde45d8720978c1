import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useT } from '../i18n/use-t';
import {
  COURSE_AUDIENCES,
  COURSE_MODES,
  COURSE_STATUSES,
  type CourseListState,
  courseFilterCount,
  DEFAULT_COURSE_LIST,
} from '../lib/course-filter';
import { indicatorYears } from '../lib/course-format';
import { useDebouncedText } from '../lib/use-debounced-text';

/** The catalogue's filters; choices apply at once, typed text when typing pauses. */
export function CourseFilters({
  state,
  onChange,
  thisYear,
}: {
  state: CourseListState;
  onChange: (change: Partial<CourseListState>) => void;
  thisYear: number;
}) {
  const t = useT();
  const [search, setSearch, flushSearch] = useDebouncedText(state.search, (value) =>
    onChange({ search: value }),
  );
  const [city, setCity, flushCity] = useDebouncedText(state.city, (value) => onChange({ city: value }));
  const enter = (flush: () => void) => (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') flush();
  };
  const years = indicatorYears(thisYear + 1, 7);
  if (state.year !== null && !years.includes(state.year)) years.push(state.year);

  return (
    <Stack gap="sm" data-testid="course-filters">
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="sm">
        <TextInput
          type="search"
          name="search"
          label={t('filters.search')}
          placeholder={t('courses.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={enter(flushSearch)}
          onBlur={flushSearch}
        />
        <Select
          name="audience"
          label={t('course.audience')}
          placeholder={t('courses.allAudiences')}
          data={COURSE_AUDIENCES.map((a) => ({ value: a, label: t(`courseAudience.${a}`) }))}
          value={state.audience}
          onChange={(value) => onChange({ audience: COURSE_AUDIENCES.find((a) => a === value) ?? null })}
          clearable
        />
        <Select
          name="mode"
          label={t('course.mode')}
          placeholder={t('courses.allModes')}
          data={COURSE_MODES.map((m) => ({ value: m, label: t(`courseMode.${m}`) }))}
          value={state.mode}
          onChange={(value) => onChange({ mode: COURSE_MODES.find((m) => m === value) ?? null })}
          clearable
        />
        <MultiSelect
          name="status"
          label={t('filters.status')}
          placeholder={state.status.length === 0 ? t('filters.allStatuses') : undefined}
          data={COURSE_STATUSES.map((s) => ({ value: s, label: t(`courseStatus.${s}`) }))}
          value={state.status}
          onChange={(values) => onChange({ status: COURSE_STATUSES.filter((s) => values.includes(s)) })}
          clearable
        />
        <TextInput
          name="city"
          label={t('course.city')}
          value={city}
          onChange={(event) => setCity(event.currentTarget.value)}
          onKeyDown={enter(flushCity)}
          onBlur={flushCity}
        />
        <Select
          name="year"
          label={t('courses.year')}
          placeholder={t('courses.allYears')}
          data={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={state.year === null ? null : String(state.year)}
          onChange={(value) => onChange({ year: value ? Number(value) : null })}
          clearable
        />
      </SimpleGrid>
      {courseFilterCount(state) > 0 && (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(DEFAULT_COURSE_LIST)}>
            {t('filters.clear')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
