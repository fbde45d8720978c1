import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { directionOf } from '../i18n/locale';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { addDays } from '../lib/days';
import { type DayLoad, type LoadLevel, loadByWeek, loadLevel } from '../lib/host-load';

const BAR = 28;
const GAP = 8;
const PLOT = 120;
const AXIS = 22;
const TOP = 14;

// Dark enough against white for a 3:1 contrast of graphical objects.
const FILL: Record<LoadLevel, string> = {
  free: 'var(--mantine-color-teal-7)',
  busy: 'var(--mantine-color-orange-8)',
  full: 'var(--mantine-color-red-8)',
};

/**
 * Trainees confirmed per week (the busiest day of each) against the host's capacity, twelve weeks
 * back and twelve ahead. Plain SVG, mirrored in Arabic so time runs in the reading direction; the
 * same figures are in a table for screen readers and for whoever wants the numbers.
 */
export function HostLoadChart({ days, thisWeek }: { days: readonly DayLoad[]; thisWeek: string }) {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const rtl = directionOf(locale) === 'rtl';
  const weeks = loadByWeek(days);
  if (weeks.length === 0) return null;
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.capacity, w.peak)));
  const width = weeks.length * (BAR + GAP) + GAP;
  const height = TOP + PLOT + AXIS;
  const y = (value: number) => TOP + PLOT - (value / top) * PLOT;
  const x = (index: number) => GAP + (rtl ? weeks.length - 1 - index : index) * (BAR + GAP);
  const shortDay = (day: string) =>
    intl.formatDate(new Date(`${day}T00:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekLabel = (week: string) =>
    t('load.week', { start: shortDay(week), end: shortDay(addDays(week, 6)) });

  return (
    <Stack gap="xs" data-testid="host-load">
      <Box style={{ overflowX: 'auto' }}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ minWidth: 520, maxHeight: 220, display: 'block' }}
          role="img"
          aria-label={t('load.chartLabel', { weeks: weeks.length })}
        >
          <line
            x1={0}
            x2={width}
            y1={TOP + PLOT}
            y2={TOP + PLOT}
            stroke="var(--mantine-color-gray-6)"
            strokeWidth={1}
          />
          {weeks.map((week, index) => {
            const past = week.week < thisWeek;
            const current = week.week === thisWeek;
            const left = x(index);
            return (
              <g key={week.week} data-week={week.week} data-peak={week.peak} data-capacity={week.capacity}>
                <title>
                  {`${weekLabel(week.week)} — ${t('load.peakOf', { peak: week.peak, capacity: week.capacity })}`}
                </title>
                {current && (
                  <rect
                    x={left - GAP / 2}
                    y={2}
                    width={BAR + GAP}
                    height={TOP + PLOT - 2}
                    fill="var(--mantine-color-gray-1)"
                  />
                )}
                <rect
                  x={left}
                  y={y(week.peak)}
                  width={BAR}
                  height={TOP + PLOT - y(week.peak)}
                  fill={FILL[loadLevel(week)]}
                  opacity={past ? 0.55 : 1}
                  rx={2}
                />
                <line
                  x1={left - 2}
                  x2={left + BAR + 2}
                  y1={y(week.capacity)}
                  y2={y(week.capacity)}
                  stroke="var(--mantine-color-dark-6)"
                  strokeWidth={2}
                  strokeDasharray="4 2"
                />
                {(index % 4 === 0 || current) && (
                  <text
                    x={left + BAR / 2}
                    y={TOP + PLOT + 15}
                    textAnchor="middle"
                    fontSize={10}
                    fontWeight={current ? 700 : 400}
                    fill="var(--mantine-color-gray-8)"
                  >
                    {current ? t('load.thisWeek') : shortDay(week.week)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Group gap="md" aria-hidden>
        <Legend color={FILL.free} label={t('load.legendConfirmed')} />
        <Legend color={FILL.full} label={t('load.legendFull')} />
        <Group gap={6} wrap="nowrap">
          <svg width={18} height={6} aria-hidden="true">
            <line
              x1={0}
              x2={18}
              y1={3}
              y2={3}
              stroke="var(--mantine-color-dark-6)"
              strokeWidth={2}
              strokeDasharray="4 2"
            />
          </svg>
          <Text size="sm">{t('load.legendCapacity')}</Text>
        </Group>
      </Group>
      <details>
        <summary>
          <Text span size="sm">
            {t('load.showFigures')}
          </Text>
        </summary>
        <Table striped verticalSpacing={4} mt="xs" data-testid="load-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('load.weekColumn')}</Table.Th>
              <Table.Th>{t('load.confirmedColumn')}</Table.Th>
              <Table.Th>{t('load.capacityColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((week) => (
              <Table.Tr key={week.week} fw={week.week === thisWeek ? 700 : undefined}>
                <Table.Td>{weekLabel(week.week)}</Table.Td>
                <Table.Td>{week.peak}</Table.Td>
                <Table.Td>{week.capacity}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Stack>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span style={{ display: 'inline-block', width: 12, height: 12, background: color, borderRadius: 2 }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
