import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useIntl } from 'react-intl';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { HolidayKind } from '../gql/graphql';
import { isolate } from '../i18n/isolate';
import { hostName, localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';
import { isPastOrToday, weekColumns } from '../lib/week-grid';
import { SessionKindBadge } from './timetable-badges';

export const WeekTimetableSessionFragment = graphql(`
  fragment WeekTimetable_ClassSessionFragment on ClassSession {
    id
    kind
    day
    startsAt
    endsAt
    hours
    place
    cancelled
    host {
      id
      name
      nameAr
    }
    expected {
      id
    }
    attendance {
      id
    }
  }
`);

export interface TimetableHoliday {
  id: string;
  day: string;
  kind: HolidayKind;
  nameFr: string;
  nameAr: string;
}

/**
 * A week of a cohort's timetable, Monday to Sunday: each day with its holidays and its sessions in
 * order, their kind, local times as the API wrote them, and where they take place. Each day is a
 * titled section, so a screen reader walks the week day by day.
 */
export function WeekTimetable(props: {
  monday: string;
  today: string;
  cohort: { startsOn: string; endsOn: string };
  sessions: readonly FragmentType<typeof WeekTimetableSessionFragment>[];
  holidays: readonly TimetableHoliday[];
  /** Whether the person may take this session's register (by kind); the day is checked here. */
  canRecord: (kind: string) => boolean;
  onRegister: (sessionId: string) => void;
}) {
  const sessions = props.sessions.map((s) => readFragment(WeekTimetableSessionFragment, s));
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const weekdays = useWeekdays();
  const intl = useIntl();
  // The week's title says the year; a column says "24 nov.".
  const shortDay = (day: string) =>
    intl.formatDate(new Date(`${day}T00:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const columns = weekColumns(props.monday, sessions, props.holidays, {
    today: props.today,
    from: props.cohort.startsOn,
    to: props.cohort.endsOn,
  });

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 7 }} spacing="xs" data-testid="week-timetable">
      {columns.map((column) => {
        const titleId = `day-${column.day}`;
        return (
          <Paper
            key={column.day}
            component="section"
            aria-labelledby={titleId}
            withBorder
            radius="md"
            p={6}
            bg={column.isToday ? 'teal.0' : column.outside ? 'gray.0' : undefined}
            data-testid="day-column"
            data-day={column.day}
            data-today={column.isToday || undefined}
          >
            <Stack gap="xs">
              <div>
                <Title order={3} size="h5" id={titleId}>
                  {weekdays.name(column.weekday, 'long')}
                </Title>
                <Text size="sm" c="dimmed">
                  {shortDay(column.day)}
                </Text>
                {column.isToday && (
                  <Badge size="sm" color="teal.9" variant="filled" radius="sm" tt="none">
                    {t('timetable.today')}
                  </Badge>
                )}
              </div>
              {column.holidays.map((holiday) => (
                <Paper
                  key={holiday.id}
                  bg="yellow.1"
                  p={6}
                  radius="sm"
                  data-testid="holiday"
                  data-kind={holiday.kind}
                >
                  <Text size="xs" fw={700} c="#6b4e00">
                    {t(`holidayKind.${holiday.kind}`)}
                  </Text>
                  <Text size="sm">{localName(holiday, locale)}</Text>
                </Paper>
              ))}
              {column.sessions.length === 0 && column.holidays.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('timetable.noSession')}
                </Text>
              )}
              {column.sessions.map((session) => {
                const where = session.host ? hostName(session.host, locale) : session.place;
                const recordable =
                  !session.cancelled &&
                  session.expected.length > 0 &&
                  isPastOrToday(session.day, props.today) &&
                  props.canRecord(session.kind);
                const label = `${t(`sessionKind.${session.kind}`)}, ${format.day(session.day, 'long')}${where ? `, ${where}` : ''}`;
                return (
                  <Card
                    key={session.id}
                    withBorder
                    radius="sm"
                    padding={6}
                    data-testid="session-block"
                    data-session={session.id}
                    data-kind={session.kind}
                    style={{
                      borderInlineStartWidth: 4,
                      borderInlineStartColor: `var(--mantine-color-${session.kind === 'PRACTICE' ? 'teal' : 'indigo'}-7)`,
                    }}
                  >
                    <Stack gap={4}>
                      <Group gap={4} justify="space-between" wrap="nowrap">
                        <SessionKindBadge kind={session.kind} size="sm" />
                        {session.cancelled && (
                          <Badge size="sm" color="gray" c="gray.9" variant="light" radius="sm" tt="none">
                            {t('timetable.cancelled')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm" fw={700} data-testid="session-times">
                        {t('timetable.times', { start: session.startsAt, end: session.endsAt })}
                      </Text>
                      {where && (
                        <Text size="sm" lineClamp={4} title={where} data-testid="session-place">
                          {where}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {t('timetable.recorded', {
                          recorded: session.attendance.length,
                          expected: session.expected.length,
                        })}
                      </Text>
                      {recordable && (
                        <Button
                          size="compact-sm"
                          fullWidth
                          h="auto"
                          py={4}
                          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                          variant={
                            session.attendance.length >= session.expected.length ? 'subtle' : 'default'
                          }
                          onClick={() => props.onRegister(session.id)}
                          aria-label={`${t('timetable.takeRegister')} — ${isolate(label)}`}
                          data-testid="take-register"
                        >
                          {session.attendance.length >= session.expected.length
                            ? t('timetable.seeRegister')
                            : t('timetable.takeRegister')}
                        </Button>
                      )}
                    </Stack>
                  </Card>
                );
              })}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
