import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { CalendarFeeds } from '../components/calendar-feeds';
import { LedgerBar } from '../components/ledger-bar';
import { readLedgerFigures, useLedgerFormat } from '../components/ledger-figures';
import { QueryBoundary } from '../components/query-boundary';
import { LedgerStatusBadge, SessionKindBadge } from '../components/timetable-badges';
import { graphql } from '../gql';
import { hostName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { addDays } from '../lib/days';
import { useCentreToday } from '../lib/use-centre-today';
import { groupByDay } from '../lib/week-grid';

/** Two weeks ahead: what a trainee plans around. The calendar feed shows further. */
const SCHEDULE_DAYS = 14;

const SchedulePageQuery = graphql(`
  query SchedulePage($days: Int!) {
    mySchedule(days: $days) {
      id
      kind
      day
      startsAt
      endsAt
      place
      cancelled
      host {
        id
        name
        nameAr
        address
      }
      cohort {
        id
        label
      }
    }
    myLedger {
      enrollment {
        id
        cohort {
          id
          label
        }
      }
      figures {
        ...LedgerFigures_LedgerFiguresFragment
      }
    }
    myCalendarFeeds {
      id
      ...CalendarFeeds_CalendarFeedFragment
    }
  }
`);

/**
 * The trainee's phone: the coming sessions day by day (where, with whom, from when to when, in the
 * centre's local time as the timetable wrote it), their own hours against the plan, and their
 * sessions in their phone's calendar.
 */
export function SchedulePage() {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const ledgerFormat = useLedgerFormat();
  const today = useCentreToday();
  const [result, reexecute] = useQuery({ query: SchedulePageQuery, variables: { days: SCHEDULE_DAYS } });

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => {
        const days = groupByDay(data.mySchedule);
        return (
          <Stack gap="lg">
            <Title order={1} size="h2">
              {t('schedule.title')}
            </Title>
            <Stack gap="sm" component="section" aria-labelledby="schedule-days" data-testid="schedule">
              <Title order={2} size="h3" id="schedule-days">
                {t('schedule.next', { days: SCHEDULE_DAYS })}
              </Title>
              {days.length === 0 && (
                <Text size="lg" c="dimmed" data-testid="schedule-empty">
                  {t('schedule.empty')}
                </Text>
              )}
              {days.map(({ day, sessions }) => (
                <Card key={day} withBorder radius="md" padding="md" data-testid="schedule-day" data-day={day}>
                  <Stack gap="sm">
                    <Group gap="xs">
                      <Title order={3} size="h4">
                        {day === today
                          ? t('schedule.today', { date: format.day(day, 'full') })
                          : day === addDays(today, 1)
                            ? t('schedule.tomorrow', { date: format.day(day, 'full') })
                            : format.day(day, 'full')}
                      </Title>
                    </Group>
                    {sessions.map((session) => (
                      <Stack key={session.id} gap={2} data-testid="schedule-session" data-kind={session.kind}>
                        <Group gap="xs" wrap="nowrap">
                          <SessionKindBadge kind={session.kind} size="lg" />
                          <Text size="lg" fw={700} data-testid="session-times">
                            {t('timetable.times', { start: session.startsAt, end: session.endsAt })}
                          </Text>
                        </Group>
                        {session.host && (
                          <Text fw={600} data-testid="session-host">
                            {hostName(session.host, locale)}
                          </Text>
                        )}
                        {/* At a workshop, its address under its name (an address typed in Latin stays
                            in order within Arabic); at the centre, the centre's name. */}
                        {(session.host ? session.host.address : session.place) && (
                          <Text size="sm" c="dimmed" data-testid="session-place">
                            <bdi>{session.host ? session.host.address : session.place}</bdi>
                          </Text>
                        )}
                      </Stack>
                    ))}
                  </Stack>
                </Card>
              ))}
            </Stack>
            {data.myLedger.length > 0 && (
              <Stack gap="sm" component="section" aria-labelledby="my-hours" data-testid="my-ledger">
                <Title order={2} size="h3" id="my-hours">
                  {t('myLedger.title')}
                </Title>
                {data.myLedger.map((ledger) => {
                  const figures = readLedgerFigures(ledger.figures);
                  const scale = {
                    theory: figures.plannedTheoryHours,
                    practice: figures.plannedPracticeHours,
                  };
                  return (
                    <Card key={ledger.enrollment.id} withBorder radius="md" padding="md">
                      <Stack gap="sm">
                        <Group justify="space-between" wrap="nowrap">
                          <Text fw={700}>{ledger.enrollment.cohort.label}</Text>
                          <LedgerStatusBadge status={figures.status} size="lg" />
                        </Group>
                        <div>
                          <Text size="sm" fw={600}>
                            {t('ledger.theory')}
                          </Text>
                          <LedgerBar figures={figures} kind="theory" scale={scale} />
                        </div>
                        <div>
                          <Text size="sm" fw={600}>
                            {t('ledger.practice')}
                          </Text>
                          <LedgerBar figures={figures} kind="practice" scale={scale} />
                        </div>
                        <Text>
                          {t('myLedger.share', {
                            actual: ledgerFormat.percent(figures.actualTheoryShare),
                            target: ledgerFormat.percent(figures.targetTheoryShare),
                          })}
                        </Text>
                        {figures.unrecordedHours > 0 && (
                          <Text size="sm" c="dimmed">
                            {t('myLedger.unrecorded', { hours: ledgerFormat.hours(figures.unrecordedHours) })}
                          </Text>
                        )}
                      </Stack>
                    </Card>
                  );
                })}
              </Stack>
            )}
            <CalendarFeeds feeds={data.myCalendarFeeds} origin={window.location.origin} />
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
