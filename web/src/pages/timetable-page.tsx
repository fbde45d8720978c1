import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { CohortPageHeader } from '../components/cohort-page-header';
import { type GenerateCounts, GenerateTimetableAction } from '../components/generate-timetable-action';
import { QueryBoundary } from '../components/query-boundary';
import { SessionRegister } from '../components/session-register';
import { WeekTimetable } from '../components/week-timetable';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';
import { addDays, mondayOf } from '../lib/days';
import { useCentreToday } from '../lib/use-centre-today';
import { isDay, weekRange, weekToShow } from '../lib/week-grid';
import { canRecordSession, hasAnyRole, TIMETABLE_WRITERS, useRoles } from '../session/timetable-permissions';
import { NotFoundPage } from './not-found-page';

const TimetablePageQuery = graphql(`
  query TimetablePage($cohortId: ID!, $from: Date!, $to: Date!) {
    cohort(id: $cohortId) {
      id
      label
      startsOn
      endsOn
      programme {
        id
        theoryWeekdays
        practiceWeekdays
        trade {
          id
          nameFr
          nameAr
        }
      }
    }
    sessions(from: $from, to: $to, cohortId: $cohortId) {
      id
      ...WeekTimetable_ClassSessionFragment
    }
    holidays(from: $from, to: $to) {
      id
      day
      kind
      nameFr
      nameAr
    }
  }
`);

/**
 * A cohort's timetable week by week (the week is in the address), holidays included; writers
 * generate it, and whoever takes registers opens a session's register from its block.
 */
export function TimetablePage() {
  const { id = '' } = useParams();
  const t = useT();
  const format = useCentreFormatters();
  const weekdays = useWeekdays();
  const today = useCentreToday();
  const roles = useRoles();
  const canGenerate = hasAnyRole(roles, TIMETABLE_WRITERS);
  const [params, setParams] = useSearchParams();
  const asked = params.get('week');
  const monday = isDay(asked) ? mondayOf(asked) : mondayOf(today);
  const range = weekRange(monday);
  const [result, reexecute] = useQuery({
    query: TimetablePageQuery,
    variables: { cohortId: id, ...range },
  });
  const [notice, setNotice] = useState<GenerateCounts | null>(null);
  const [register, setRegister] = useState<string | null>(null);
  const cohort = result.data?.cohort;

  // Without a week asked for, a cohort that is not running opens on its first or last week.
  useEffect(() => {
    if (!cohort || isDay(asked)) return;
    const best = weekToShow(null, today, cohort);
    if (best !== monday) setParams({ week: best }, { replace: true });
  }, [cohort, asked, today, monday, setParams]);

  const goTo = (week: string) => setParams({ week });

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => {
        const { cohort } = data;
        if (!cohort) {
          return (
            <NotFoundPage
              title={t('cohort.notFound')}
              back={{ to: '/sessions', label: t('timetable.backToSessions') }}
            />
          );
        }
        return (
          <Stack gap="lg">
            <CohortPageHeader
              cohort={cohort}
              section={{ to: '/sessions', label: t('sessions.title') }}
              title={t('timetable.title', { cohort: isolate(cohort.label) })}
              titleTestId="timetable-title"
              note={t('timetable.rhythm', {
                theory: weekdays.list(cohort.programme.theoryWeekdays),
                practice: weekdays.list(cohort.programme.practiceWeekdays),
              })}
            >
              <Button component={Link} to={`/cohorts/${cohort.id}`} variant="default">
                {t('timetable.cohortPage')}
              </Button>
              <Button component={Link} to={`/cohorts/${cohort.id}/ledger`} variant="default">
                {t('ledger.link')}
              </Button>
              {canGenerate && (
                <GenerateTimetableAction
                  cohort={cohort}
                  onDone={(counts) => {
                    setNotice(counts);
                    reexecute({ requestPolicy: 'network-only' });
                  }}
                />
              )}
            </CohortPageHeader>
            {notice && (
              <Alert
                color="teal"
                variant="light"
                role="status"
                withCloseButton
                closeButtonLabel={t('common.close')}
                onClose={() => setNotice(null)}
                title={t('generate.doneTitle')}
                data-testid="generate-notice"
              >
                {t('generate.done', {
                  created: notice.created,
                  kept: notice.kept,
                  removed: notice.removed,
                  skipped: notice.skippedDays,
                })}
              </Alert>
            )}
            <Group justify="space-between" align="center" component="nav" aria-label={t('timetable.weeks')}>
              <Button variant="default" onClick={() => goTo(addDays(monday, -7))} data-testid="previous-week">
                {t('timetable.previousWeek')}
              </Button>
              <Stack gap={0} align="center">
                <Title order={2} size="h4" data-testid="week-title" aria-live="polite">
                  {t('timetable.week', {
                    start: format.day(range.from, 'long'),
                    end: format.day(range.to, 'long'),
                  })}
                </Title>
                {monday !== mondayOf(today) && (
                  <Anchor component="button" type="button" size="sm" onClick={() => goTo(mondayOf(today))}>
                    {t('timetable.thisWeek')}
                  </Anchor>
                )}
              </Stack>
              <Button variant="default" onClick={() => goTo(addDays(monday, 7))} data-testid="next-week">
                {t('timetable.nextWeek')}
              </Button>
            </Group>
            {data.sessions.length === 0 && (
              <Text c="dimmed" data-testid="empty-week">
                {t('timetable.emptyWeek')}
              </Text>
            )}
            <WeekTimetable
              monday={monday}
              today={today}
              cohort={cohort}
              sessions={data.sessions}
              holidays={data.holidays}
              canRecord={(kind) => canRecordSession(roles, kind)}
              onRegister={setRegister}
            />
            <AppModal
              opened={register !== null}
              onClose={() => {
                setRegister(null);
                reexecute({ requestPolicy: 'network-only' });
              }}
              title={t('register.title')}
              size="xl"
            >
              {register && <SessionRegister sessionId={register} today={today} />}
            </AppModal>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
