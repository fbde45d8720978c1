import { Alert, Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ConfirmWeekAction } from '../components/confirm-week-action';
import { HostSessionCard } from '../components/host-session-card';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import type { AttendanceStatus } from '../gql/graphql';
import { isolate } from '../i18n/isolate';
import { hostName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';
import { addDays, mondayOf } from '../lib/days';
import { useCentreToday } from '../lib/use-centre-today';
import { isDay, weekRange } from '../lib/week-grid';

const HostAttendancePageQuery = graphql(`
  query HostAttendancePage($from: Date!, $to: Date!) {
    hosts(first: 10) {
      edges {
        node {
          id
          name
          nameAr
        }
      }
    }
    sessions(from: $from, to: $to, kind: PRACTICE) {
      id
      day
      host {
        id
      }
      ...HostSessionCard_ClassSessionFragment
    }
  }
`);

type Notice = { kind: 'tap'; name: string; status: AttendanceStatus } | { kind: 'week'; recorded: number };

/**
 * The artisan's register, on a phone in the workshop: today's practice days at their workshop
 * with one tap per trainee, the other days of the week a tap away, and the whole week confirmed in
 * one step. The server shows an artisan only their own workshop's sessions and trainees.
 */
export function HostAttendancePage() {
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const weekdays = useWeekdays();
  const today = useCentreToday();
  const [params, setParams] = useSearchParams();
  const askedDay = params.get('day');
  const day = isDay(askedDay) ? askedDay : today;
  const monday = mondayOf(day);
  const range = weekRange(monday);
  const [result, reexecute] = useQuery({ query: HostAttendancePageQuery, variables: range });
  const [notice, setNotice] = useState<Notice | null>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const goTo = (next: string) => {
    setNotice(null);
    setParams(next === today ? {} : { day: next });
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('hostAttendance.title')}
        </Title>
        <Text size="lg" data-testid="attendance-day">
          {day === today
            ? t('hostAttendance.today', { date: format.day(day, 'full') })
            : format.day(day, 'full')}
        </Text>
      </div>
      <nav aria-label={t('hostAttendance.days')}>
        <Group gap={4} wrap="nowrap" grow data-testid="day-strip">
          {Array.from({ length: 7 }, (_, i) => {
            const date = addDays(monday, i);
            const planned = result.data?.sessions.some((s) => s.day === date) ?? false;
            const selected = date === day;
            return (
              <UnstyledButton
                key={date}
                onClick={() => goTo(date)}
                aria-pressed={selected}
                aria-label={`${format.day(date, 'full')}${planned ? ` — ${t('hostAttendance.practiceDay')}` : ''}`}
                data-testid="day-button"
                data-day={date}
                data-planned={planned || undefined}
                style={{
                  minHeight: 56,
                  minWidth: 0,
                  borderRadius: 8,
                  textAlign: 'center',
                  border: `2px solid ${selected ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-gray-4)'}`,
                  background: selected
                    ? 'var(--mantine-color-teal-9)'
                    : planned
                      ? 'var(--mantine-color-teal-0)'
                      : undefined,
                  color: selected ? 'white' : undefined,
                }}
              >
                <Text size="xs" fw={600} c={selected ? 'white' : undefined} aria-hidden>
                  {weekdays.name(i + 1)}
                </Text>
                <Text size="lg" fw={700} c={selected ? 'white' : undefined} aria-hidden>
                  {Number(date.slice(8))}
                </Text>
              </UnstyledButton>
            );
          })}
        </Group>
      </nav>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Button
          variant="subtle"
          size="md"
          px="xs"
          onClick={() => goTo(addDays(monday, -7))}
          data-testid="previous-week"
        >
          {t('timetable.previousWeek')}
        </Button>
        {day !== today && (
          <Button variant="subtle" size="md" px="xs" onClick={() => goTo(today)}>
            {t('timetable.today')}
          </Button>
        )}
        <Button
          variant="subtle"
          size="md"
          px="xs"
          onClick={() => goTo(addDays(monday, 7))}
          disabled={addDays(monday, 7) > today}
          data-testid="next-week"
        >
          {t('timetable.nextWeek')}
        </Button>
      </Group>
      {notice && (
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
          data-testid="attendance-notice"
          data-kind={notice.kind}
          data-recorded={notice.kind === 'week' ? notice.recorded : undefined}
        >
          {notice.kind === 'week'
            ? t('hostAttendance.weekConfirmed', { count: notice.recorded })
            : t('hostAttendance.recorded', {
                name: isolate(notice.name),
                status: t(`attendanceStatus.${notice.status}`),
              })}
        </Alert>
      )}
      <QueryBoundary result={result} onRetry={refresh}>
        {(data) => {
          const hosts = data.hosts.edges.map((edge) => edge.node);
          const sessions = data.sessions.filter((s) => s.day === day);
          return (
            <Stack gap="md">
              <Stack gap="sm" data-testid="day-sessions">
                {sessions.length === 0 ? (
                  <Text size="lg" c="dimmed" data-testid="no-session">
                    {t('hostAttendance.noSession')}
                  </Text>
                ) : (
                  sessions.map((session) => (
                    <HostSessionCard
                      key={session.id}
                      session={session}
                      today={today}
                      showHost={hosts.length > 1}
                      onRecorded={(name, status) => {
                        setNotice({ kind: 'tap', name, status });
                        refresh();
                      }}
                      onRefresh={refresh}
                    />
                  ))
                )}
              </Stack>
              {hosts.length > 0 && (
                <Stack gap="xs" component="section" aria-labelledby="week-title">
                  <Title order={2} size="h4" id="week-title">
                    {t('hostAttendance.week', {
                      start: format.day(range.from, 'long'),
                      end: format.day(range.to, 'long'),
                    })}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('hostAttendance.weekHelp')}
                  </Text>
                  {hosts.map((host) => (
                    <ConfirmWeekAction
                      key={host.id}
                      host={{ id: host.id, name: hosts.length > 1 ? hostName(host, locale) : undefined }}
                      monday={monday}
                      today={today}
                      onDone={(recorded) => {
                        setNotice({ kind: 'week', recorded });
                        refresh();
                      }}
                    />
                  ))}
                </Stack>
              )}
            </Stack>
          );
        }}
      </QueryBoundary>
    </Stack>
  );
}
