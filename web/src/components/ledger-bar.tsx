import { Box, Text } from '@mantine/core';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { barWidths, type HoursFigures, type LedgerKind } from '../lib/ledger';

const COLOR: Record<LedgerKind, string> = {
  theory: 'var(--mantine-color-indigo-7)',
  practice: 'var(--mantine-color-teal-8)',
};

/**
 * Planned against attended hours of one kind: the grey track is what was planned (on the scale
 * shared by every row), the fill what was attended. It grows from the start of the line, so from
 * the right in Arabic. Said in words for screen readers and printed below for everyone.
 */
export function LedgerBar({
  figures,
  kind,
  scale,
}: {
  figures: HoursFigures;
  kind: LedgerKind;
  scale: Record<LedgerKind, number>;
}) {
  const t = useT();
  const format = useCentreFormatters();
  const widths = barWidths(figures, kind, scale);
  const planned = kind === 'theory' ? figures.plannedTheoryHours : figures.plannedPracticeHours;
  const attended = kind === 'theory' ? figures.attendedTheoryHours : figures.attendedPracticeHours;
  const words = t('ledger.barLabel', {
    kind: t(kind === 'theory' ? 'ledger.theory' : 'ledger.practice'),
    attended: format.number(attended),
    planned: format.number(planned),
  });
  return (
    <Box miw={120} data-testid={`bar-${kind}`} data-planned={planned} data-attended={attended}>
      <Box role="img" aria-label={words} h={10} bg="gray.1" style={{ borderRadius: 4 }}>
        <Box
          h={10}
          w={`${widths.planned}%`}
          bg="gray.3"
          style={{ borderRadius: 4, overflow: 'hidden' }}
          data-testid="bar-track"
        >
          <Box h={10} w={`${widths.fill}%`} style={{ background: COLOR[kind] }} data-testid="bar-fill" />
        </Box>
      </Box>
      <Text size="xs" mt={2} aria-hidden>
        {t('ledger.hoursOf', { attended: format.number(attended), planned: format.number(planned) })}
      </Text>
    </Box>
  );
}
