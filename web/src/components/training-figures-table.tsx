import { Table, Text, VisuallyHidden } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { type ChangeDirection, formatChange } from '../lib/course-format';

export const TrainingLineFiguresFragment = graphql(`
  fragment TrainingFiguresTable_TrainingLineFiguresFragment on TrainingLineFigures {
    key
    figures {
      trainings
      trainingDays
      participants
      participations
      trainingsPerParticipant
      completed
    }
    previous {
      trainings
      trainingDays
      participants
      participations
    }
    change {
      trainings
      trainingDays
      participants
      participations
    }
  }
`);

// Neutral arrows: more trainings are not "good" nor fewer "bad"; the figure says which way it went.
const ARROW: Record<ChangeDirection, string> = { up: '↑', down: '↓', flat: '→' };

function Change({ value, year }: { value: number | null | undefined; year: number }) {
  const t = useT();
  const { locale } = useLocale();
  const change = formatChange(value, locale);
  if (!change) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="change" data-direction={change.direction}>
      <span aria-hidden="true">{ARROW[change.direction]} </span>
      <span dir="ltr">{change.text}</span>
      <VisuallyHidden component="span">{` ${t('indicators.vsYear', { year: year - 1 })}`}</VisuallyHidden>
    </Text>
  );
}

/**
 * The centre's yearly table: one row per training line (or per sex, audience, city, mode), the year's
 * figures with their change against the year before, and the total last.
 */
export function TrainingFiguresTable(props: {
  caption: string;
  keyLabel: string;
  rows: FragmentType<typeof TrainingLineFiguresFragment>[];
  total?: FragmentType<typeof TrainingLineFiguresFragment>;
  label: (key: string) => string;
  year: number;
  testId: string;
}) {
  const rows = readFragment(TrainingLineFiguresFragment, props.rows);
  const total = props.total ? readFragment(TrainingLineFiguresFragment, props.total) : null;
  const t = useT();
  const format = useCentreFormatters();
  const row = (line: (typeof rows)[number], isTotal: boolean) => (
    <Table.Tr
      key={isTotal ? '__total' : line.key}
      data-testid={isTotal ? 'indicators-total' : 'indicators-row'}
      fw={isTotal ? 700 : undefined}
    >
      <Table.Th scope="row" fw={isTotal ? 700 : 500}>
        {isTotal ? t('indicators.total') : <bdi>{props.label(line.key)}</bdi>}
      </Table.Th>
      <Table.Td data-testid="trainings">
        {format.number(line.figures.trainings)}
        <Change value={line.change.trainings} year={props.year} />
      </Table.Td>
      <Table.Td data-testid="training-days">
        {format.number(line.figures.trainingDays)}
        <Change value={line.change.trainingDays} year={props.year} />
      </Table.Td>
      <Table.Td data-testid="participants">
        {format.number(line.figures.participants)}
        <Change value={line.change.participants} year={props.year} />
      </Table.Td>
      <Table.Td data-testid="participations">
        {format.number(line.figures.participations)}
        <Change value={line.change.participations} year={props.year} />
      </Table.Td>
      <Table.Td data-testid="per-participant">
        {line.figures.trainingsPerParticipant === null || line.figures.trainingsPerParticipant === undefined
          ? '—'
          : format.number(Math.round(line.figures.trainingsPerParticipant * 100) / 100)}
      </Table.Td>
      <Table.Td data-testid="completed">{format.number(line.figures.completed)}</Table.Td>
    </Table.Tr>
  );

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" data-testid={props.testId} captionSide="top">
        <Table.Caption style={{ textAlign: 'start', fontWeight: 600 }}>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{props.keyLabel}</Table.Th>
            <Table.Th>{t('indicators.trainings')}</Table.Th>
            <Table.Th>{t('indicators.trainingDays')}</Table.Th>
            <Table.Th>{t('indicators.participants')}</Table.Th>
            <Table.Th>{t('indicators.participations')}</Table.Th>
            <Table.Th>{t('indicators.perParticipant')}</Table.Th>
            <Table.Th>{t('indicators.completed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && !total ? (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text c="dimmed">{t('indicators.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            rows.map((line) => row(line, false))
          )}
          {total && row(total, true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
