import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { toPoints } from '../lib/ledger';
import { LedgerBar } from './ledger-bar';
import { LedgerStatusBadge } from './timetable-badges';

export const LedgerFiguresFragment = graphql(`
  fragment LedgerFigures_LedgerFiguresFragment on LedgerFigures {
    plannedTheoryHours
    plannedPracticeHours
    attendedTheoryHours
    attendedPracticeHours
    unrecordedHours
    targetTheoryShare
    actualTheoryShare
    drift
    attendanceRate
    status
  }
`);

export type LedgerFiguresData = ReturnType<typeof readLedgerFigures>;

export const readLedgerFigures = (figures: FragmentType<typeof LedgerFiguresFragment>) =>
  readFragment(LedgerFiguresFragment, figures);

/** Shares and drifts in the reader's language: "12,2 %", "−7,8 pts", or a dash before any hour. */
export function useLedgerFormat() {
  const t = useT();
  const format = useCentreFormatters();
  return {
    hours: (value: number) => t('ledger.hours', { hours: format.number(value) }),
    percent: (share: number | null | undefined) => {
      const points = toPoints(share);
      return points === null ? t('ledger.none') : t('ledger.percent', { value: format.number(points) });
    },
    drift: (drift: number | null | undefined) => {
      const points = toPoints(drift);
      if (points === null) return t('ledger.none');
      const sign = points > 0 ? '+' : points < 0 ? '−' : '';
      // The Arabic message isolates the value left to right: the sign stays before the number.
      return t('ledger.points', { value: `${sign}${format.number(Math.abs(points))}` });
    },
  };
}

function Figure({
  label,
  value,
  children,
  testId,
}: {
  label: string;
  value: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {children}
    </Card>
  );
}

/** A cohort's (or the centre's) figures: theory and practice planned against attended, the split, what is not recorded. */
export function LedgerSummary(props: { figures: FragmentType<typeof LedgerFiguresFragment> }) {
  const figures = readLedgerFigures(props.figures);
  const t = useT();
  const format = useLedgerFormat();
  const scale = { theory: figures.plannedTheoryHours, practice: figures.plannedPracticeHours };
  return (
    <Stack gap="sm" data-testid="ledger-summary" data-status={figures.status}>
      <Group gap="sm">
        <Title order={2} size="h3">
          {t('ledger.cohortFigures')}
        </Title>
        <LedgerStatusBadge status={figures.status} size="lg" />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure
          label={t('ledger.theory')}
          value={format.hours(figures.attendedTheoryHours)}
          testId="figure-theory"
        >
          <LedgerBar figures={figures} kind="theory" scale={scale} />
        </Figure>
        <Figure
          label={t('ledger.practice')}
          value={format.hours(figures.attendedPracticeHours)}
          testId="figure-practice"
        >
          <LedgerBar figures={figures} kind="practice" scale={scale} />
        </Figure>
        <Figure
          label={t('ledger.share')}
          value={format.percent(figures.actualTheoryShare)}
          testId="figure-share"
        >
          <Text size="sm">
            {t('ledger.target', { target: format.percent(figures.targetTheoryShare) })} ·{' '}
            {t('ledger.driftIs', { drift: format.drift(figures.drift) })}
          </Text>
        </Figure>
        <Figure
          label={t('ledger.unrecorded')}
          value={format.hours(figures.unrecordedHours)}
          testId="figure-unrecorded"
        >
          <Text size="sm">{t('ledger.rateIs', { rate: format.percent(figures.attendanceRate) })}</Text>
        </Figure>
      </SimpleGrid>
    </Stack>
  );
}
