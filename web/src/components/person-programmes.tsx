import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { formatPercent } from '../lib/graduation';
import { historyStatusId } from '../lib/history-status';
import { RegistrationStatusBadge } from './course-badges';
import { courseTitle } from './course-row';

export const PersonProgrammesPersonFragment = graphql(`
  fragment PersonProgrammes_PersonFragment on Person {
    id
    history {
      at
      kind
      title
      status
      refId
    }
    registrations {
      id
      status
      waitlistPosition
      attendanceRate
      course {
        id
        titleFr
        titleAr
        trainingLine
        startsOn
      }
    }
  }
`);

/**
 * One history across programmes (apprenticeship, placements, short trainings), newest first, and
 * the person's short-training registrations with their attendance.
 */
export function PersonProgrammes(props: { person: FragmentType<typeof PersonProgrammesPersonFragment> }) {
  const person = readFragment(PersonProgrammesPersonFragment, props.person);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  return (
    <Stack gap="lg">
      <Stack gap="sm" data-testid="person-courses">
        <Title order={2} size="h3">
          {t('person.courses')}
        </Title>
        {person.registrations.length === 0 ? (
          <Text c="dimmed">{t('person.noCourse')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('course.title')}</Table.Th>
                  <Table.Th>{t('course.startsOn')}</Table.Th>
                  <Table.Th>{t('filters.status')}</Table.Th>
                  <Table.Th>{t('registration.attendanceRate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.registrations.map((registration) => (
                  <Table.Tr key={registration.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/courses/${registration.course.id}`}>
                        {courseTitle(registration.course, locale)}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        <bdi>{registration.course.trainingLine}</bdi>
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {registration.course.startsOn ? format.day(registration.course.startsOn) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <RegistrationStatusBadge status={registration.status} />
                      {registration.waitlistPosition && (
                        <Text size="xs" c="dimmed">
                          {t('registration.positionValue', { position: registration.waitlistPosition })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {registration.attendanceRate === null || registration.attendanceRate === undefined
                        ? '—'
                        : formatPercent(registration.attendanceRate, locale)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Stack gap="sm" data-testid="person-history">
        <Title order={2} size="h3">
          {t('person.history')}
        </Title>
        {person.history.length === 0 ? (
          <Text c="dimmed">{t('person.noHistory')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.date')}</Table.Th>
                  <Table.Th>{t('history.kind')}</Table.Th>
                  <Table.Th>{t('history.subject')}</Table.Th>
                  <Table.Th>{t('filters.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.history.map((entry) => {
                  const status = historyStatusId(entry.kind, entry.status);
                  return (
                    <Table.Tr key={`${entry.kind}-${entry.refId}-${entry.at}`} data-testid="history-entry">
                      <Table.Td>{format.date(entry.at, 'medium')}</Table.Td>
                      <Table.Td>
                        <Badge variant="outline" color="gray.8" c="gray.9" radius="sm" tt="none">
                          {t(`historyKind.${entry.kind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td lang="fr">
                        <bdi>{entry.title}</bdi>
                      </Table.Td>
                      <Table.Td>{status ? t(status) : entry.status}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
