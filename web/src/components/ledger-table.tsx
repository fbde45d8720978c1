import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useT } from '../i18n/use-t';
import { barScale } from '../lib/ledger';
import { LedgerBar } from './ledger-bar';
import { readLedgerFigures, useLedgerFormat } from './ledger-figures';
import { LedgerStatusBadge } from './timetable-badges';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export const LedgerTableTraineeFragment = graphql(`
  fragment LedgerTable_TraineeLedgerFragment on TraineeLedger {
    enrollment {
      id
      status
      person {
        id
        fullName
      }
    }
    figures {
      ...LedgerFigures_LedgerFiguresFragment
    }
  }
`);

/**
 * One row per trainee, in the order the API sorted them (largest drift first, or by name): theory
 * and practice bars on a scale shared by every row, the actual share, the drift from the target,
 * the hours never recorded, and the status.
 */
export function LedgerTable(props: { trainees: readonly FragmentType<typeof LedgerTableTraineeFragment>[] }) {
  const t = useT();
  const format = useLedgerFormat();
  const rows = props.trainees.map((row) => {
    const trainee = readFragment(LedgerTableTraineeFragment, row);
    return { ...trainee, figures: readLedgerFigures(trainee.figures) };
  });
  const scale = barScale(rows.map((row) => row.figures));
  if (rows.length === 0) return <Text c="dimmed">{t('ledger.noTrainee')}</Text>;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="sm" data-testid="ledger-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ledger.trainee')}</Table.Th>
            <Table.Th>{t('ledger.theory')}</Table.Th>
            <Table.Th>{t('ledger.practice')}</Table.Th>
            <Table.Th ta="end">{t('ledger.share')}</Table.Th>
            <Table.Th ta="end">{t('ledger.drift')}</Table.Th>
            <Table.Th ta="end">{t('ledger.unrecorded')}</Table.Th>
            <Table.Th>{t('ledger.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ enrollment, figures }) => (
            <Table.Tr
              key={enrollment.id}
              data-testid="ledger-row"
              data-enrollment={enrollment.id}
              data-status={figures.status}
              data-attended-practice={figures.attendedPracticeHours}
              data-attended-theory={figures.attendedTheoryHours}
            >
              <Table.Td>
                <Anchor component={Link} to={`/people/${enrollment.person.id}`} fw={600} size="sm">
                  {enrollment.person.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <LedgerBar figures={figures} kind="theory" scale={scale} />
              </Table.Td>
              <Table.Td>
                <LedgerBar figures={figures} kind="practice" scale={scale} />
              </Table.Td>
              <Table.Td ta="end" style={NOWRAP} data-testid="share">
                {format.percent(figures.actualTheoryShare)}
              </Table.Td>
              <Table.Td ta="end" style={NOWRAP} data-testid="drift">
                {format.drift(figures.drift)}
              </Table.Td>
              <Table.Td ta="end" style={NOWRAP} data-testid="unrecorded">
                {format.hours(figures.unrecordedHours)}
              </Table.Td>
              <Table.Td>
                <LedgerStatusBadge status={figures.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
