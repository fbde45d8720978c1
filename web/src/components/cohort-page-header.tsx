import { Anchor, Breadcrumbs, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

/**
 * The top of a page about one cohort (its timetable, its placements): the way back to the section,
 * the page's title, the cohort's trade and dates with a line about the page, and its links and
 * actions beside the title.
 */
export function CohortPageHeader({
  cohort,
  section,
  title,
  titleTestId,
  note,
  children,
}: {
  cohort: {
    label: string;
    startsOn: string;
    endsOn: string;
    programme: { trade: { nameFr: string; nameAr: string } };
  };
  /** The section the cohort was reached from: the first breadcrumb. */
  section: { to: string; label: string };
  title: string;
  titleTestId: string;
  /** The line under the trade and dates. */
  note: ReactNode;
  /** Links and actions beside the title. */
  children: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  return (
    <>
      <Breadcrumbs>
        <Anchor component={Link} to={section.to}>
          {section.label}
        </Anchor>
        <Text>{cohort.label}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} data-testid={titleTestId}>
            {title}
          </Title>
          <Text c="dimmed">
            {localName(cohort.programme.trade, locale)} ·{' '}
            {t('cohort.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}
          </Text>
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        </div>
        <Group gap="xs">{children}</Group>
      </Group>
    </>
  );
}
