import { Box, Group, Stack, Text } from '@mantine/core';
import type { VenturePhase } from '../gql/graphql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { type CohortPhaseCounts, cohortBars } from '../lib/phase-bars';
import { VENTURE_PHASES } from '../lib/venture-phase';

/** Fill and text per phase: each text at least 4.5:1 on its fill, each fill apart from the next. */
const FILL: Record<VenturePhase, [fill: string, text: string]> = {
  SELECTION: ['#1864ab', '#ffffff'],
  INCUBATION: ['#087f5b', '#ffffff'],
  POST_INCUBATION: ['#862e9c', '#ffffff'],
  EXITED: ['#8ce99a', '#0b3d16'],
  ABANDONED: ['#ced4da', '#212529'],
};

// A count is written inside its segment only when the segment has room for it.
const ROOM_FOR_COUNT = 0.06;

/**
 * One horizontal stacked bar per cohort (plain boxes, no chart library): its ventures per phase in
 * the order they move through them, every bar on the scale of the largest cohort. The bars run from
 * the start of the line, so right to left in Arabic; each says its counts to screen readers.
 */
export function PhaseBars({ cohorts }: { cohorts: readonly CohortPhaseCounts[] }) {
  const t = useT();
  const format = useCentreFormatters();
  const bars = cohortBars(cohorts);
  if (bars.length === 0) return <Text c="dimmed">{t('incubator.noCohort')}</Text>;
  return (
    <Stack gap="md" data-testid="phase-bars">
      <Group gap="md" aria-hidden="true" data-testid="phase-legend">
        {VENTURE_PHASES.map((phase) => (
          <Group key={phase} gap={6} wrap="nowrap">
            <Box
              w={14}
              h={14}
              style={{ background: FILL[phase][0], borderRadius: 3, border: '1px solid #495057' }}
            />
            <Text size="sm">{t(`venturePhase.${phase}`)}</Text>
          </Group>
        ))}
      </Group>
      {bars.map((bar) => {
        const summary = bar.segments
          .map((s) => t('incubator.phaseCount', { phase: t(`venturePhase.${s.phase}`), count: s.count }))
          .join(', ');
        return (
          <div key={bar.label} data-testid="phase-bar" data-cohort={bar.label} data-total={bar.total}>
            <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
              <Text fw={600} size="sm">
                <bdi>{bar.label}</bdi>
              </Text>
              <Text size="sm" c="dimmed">
                {t('incubator.ventureCount', { count: bar.total })}
              </Text>
            </Group>
            <div
              role="img"
              aria-label={t('incubator.barLabel', {
                cohort: bar.label,
                summary: summary || t('incubator.ventureCount', { count: 0 }),
              })}
              style={{ display: 'flex', width: '100%', height: 28, background: '#f1f3f5', borderRadius: 4 }}
            >
              {bar.segments.map((segment) => {
                const [fill, text] = FILL[segment.phase];
                return (
                  <div
                    key={segment.phase}
                    data-testid="phase-segment"
                    data-phase={segment.phase}
                    data-count={segment.count}
                    title={t('incubator.phaseCount', {
                      phase: t(`venturePhase.${segment.phase}`),
                      count: segment.count,
                    })}
                    style={{
                      width: `${(segment.width * 100).toFixed(2)}%`,
                      background: fill,
                      color: text,
                      display: 'flex',
                      alignItems: 'center',
                      justifyContent: 'center',
                      fontSize: 13,
                      fontWeight: 600,
                      overflow: 'hidden',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {segment.width >= ROOM_FOR_COUNT ? format.number(segment.count) : null}
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
    </Stack>
  );
}
