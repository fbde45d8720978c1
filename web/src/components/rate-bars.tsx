import { Box, Stack, Text, Title } from '@mantine/core';
import { directionOf } from '../i18n/locale';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatPercent } from '../lib/graduation';
import { barLength, type RateFigures } from '../lib/integration';

export interface RateBar {
  key: string;
  label: string;
  figures: RateFigures;
}

// Dark enough against the track for a 3:1 contrast of graphical objects.
const FILL = 'var(--mantine-color-teal-8)';
const TRACK = 'var(--mantine-color-gray-2)';

/**
 * Integration rates as horizontal bars, one line per centre, trade, cohort… Made of plain boxes in a
 * grid that follows the reading direction: in Arabic the label is on the right and each bar grows
 * from the right. The rate, the unreachable graduates beside it and the counts are written out, so
 * the bars add nothing a screen reader would miss.
 */
export function RateBars({
  title,
  bars,
  testId,
}: {
  title: string;
  bars: readonly RateBar[];
  testId: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const dir = directionOf(locale);
  if (bars.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h4">
        {title}
      </Title>
      <Box
        component="ul"
        dir={dir}
        p={0}
        m={0}
        data-testid="rate-chart"
        style={{
          listStyle: 'none',
          display: 'grid',
          gridTemplateColumns: 'minmax(7rem, 14rem) minmax(6rem, 1fr) 3.5rem minmax(7rem, auto)',
          columnGap: 'var(--mantine-spacing-sm)',
          rowGap: 'var(--mantine-spacing-xs)',
          alignItems: 'center',
        }}
      >
        {bars.map(({ key, label, figures }) => {
          const length = barLength(figures.rate);
          const rate = figures.rate === null || figures.rate === undefined ? null : figures.rate;
          return (
            <Box
              component="li"
              key={key}
              data-testid="rate-bar"
              data-key={key}
              data-rate={rate ?? ''}
              // Each line is a row of the list's grid: labels, bars and rates line up from one line to the next.
              style={{
                display: 'grid',
                gridColumn: '1 / -1',
                gridTemplateColumns: 'subgrid',
                alignItems: 'center',
              }}
            >
              <Text size="sm" fw={600} data-testid="rate-label" style={{ overflowWrap: 'anywhere' }}>
                {label}
              </Text>
              <Box
                aria-hidden
                data-testid="rate-track"
                style={{
                  display: 'flex',
                  justifyContent: 'flex-start',
                  height: 14,
                  background: TRACK,
                  borderRadius: 4,
                }}
              >
                <Box
                  data-testid="rate-fill"
                  style={{ width: `${length}%`, background: FILL, borderRadius: 4, flex: 'none' }}
                />
              </Box>
              <Text size="sm" fw={700} ta="end" data-testid="rate-value">
                {rate === null ? '—' : formatPercent(rate, locale)}
              </Text>
              <Text size="xs" c="dimmed" data-testid="rate-detail">
                {t('integration.barDetail', {
                  integrated: format.number(figures.integrated),
                  reached: format.number(figures.reached),
                  unreachable: format.number(figures.unreachable),
                })}
              </Text>
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}
