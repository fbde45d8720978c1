import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { CourseAttendanceGrid } from '../components/course-attendance-grid';
import { CourseStatusBadge } from '../components/course-badges';
import { CourseForm } from '../components/course-form';
import { CourseRegistrations, PlacesSummary } from '../components/course-registrations';
import { courseTitle } from '../components/course-row';
import { CourseSessions } from '../components/course-sessions';
import { FormErrors } from '../components/form-errors';
import { QueryBoundary } from '../components/query-boundary';
import { RegisterDialog, type RegisteredOutcome } from '../components/register-dialog';
import { mutationErrors, NO_ERRORS, type SplitErrors } from '../components/user-errors';
import { graphql } from '../gql';
import type { CourseStatus } from '../gql/graphql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { courseFormFrom } from '../lib/course-form';
import { coursePrice, formatRate } from '../lib/course-format';
import { useCanWriteCourses } from '../session/permissions';

const CoursePageQuery = graphql(`
  query CoursePage($id: ID!) {
    course(id: $id) {
      id
      titleFr
      titleAr
      trainingLine
      topic
      audience
      partners
      mode
      city
      capacity
      priceMad
      completionThreshold
      status
      registeredCount
      waitlistCount
      startsOn
      trainingDays
      createdAt
      ...CourseSessions_CourseFragment
      ...CourseRegistrations_CourseFragment
      ...CourseAttendanceGrid_CourseFragment
    }
  }
`);

const SetCourseStatusMutation = graphql(`
  mutation SetCourseStatus($input: SetCourseStatusInput!) {
    setCourseStatus(input: $input) {
      course {
        id
        status
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

type Dialog = 'edit' | 'register' | CourseStatus | null;

/** One short training: what it is, its sessions, who is registered or waiting, and its attendance. */
export function CoursePage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const canWrite = useCanWriteCourses();
  const [result, reexecute] = useQuery({ query: CoursePageQuery, variables: { id } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [outcome, setOutcome] = useState<RegisteredOutcome | null>(null);
  const [statusState, setStatus] = useMutation(SetCourseStatusMutation);
  const [statusErrors, setStatusErrors] = useState<SplitErrors>(NO_ERRORS);

  const changeStatus = async (status: CourseStatus) => {
    setStatusErrors(NO_ERRORS);
    const outcome = await setStatus({ input: { id, status } });
    const problems = mutationErrors(outcome.data?.setCourseStatus, outcome.error, []);
    if (problems) return setStatusErrors(problems);
    setDialog(null);
  };

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ course }) => {
        if (!course) {
          return (
            <Stack align="flex-start">
              <Title order={1}>{t('course.notFound')}</Title>
              <Anchor component={Link} to="/courses">
                {t('course.backToList')}
              </Anchor>
            </Stack>
          );
        }
        const title = courseTitle(course, locale);
        const other = locale === 'ar-MA' ? course.titleFr : course.titleAr;
        const price = coursePrice(course.priceMad, locale);
        const writable = canWrite && course.status !== 'CANCELLED';
        return (
          <Stack gap="lg">
            <Breadcrumbs>
              <Anchor component={Link} to="/courses">
                {t('courses.title')}
              </Anchor>
              <Text>{title}</Text>
            </Breadcrumbs>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm" align="center">
                  <Title order={1} data-testid="course-title">
                    {title}
                  </Title>
                  <CourseStatusBadge status={course.status} />
                </Group>
                {other && other !== title && (
                  <Text c="dimmed" lang={locale === 'ar-MA' ? 'fr' : 'ar'}>
                    {other}
                  </Text>
                )}
                <Text>
                  <bdi>{course.trainingLine}</bdi> · {t(`courseAudience.${course.audience}`)}
                </Text>
              </div>
              {canWrite && (
                <Group gap="xs">
                  {course.status !== 'CANCELLED' && (
                    <Button variant="default" onClick={() => setDialog('edit')}>
                      {t('course.edit')}
                    </Button>
                  )}
                  {course.status === 'OPEN' && (
                    <Button variant="default" onClick={() => setDialog('CLOSED')}>
                      {t('course.close')}
                    </Button>
                  )}
                  {course.status === 'CLOSED' && (
                    <Button variant="default" onClick={() => setDialog('OPEN')}>
                      {t('course.reopen')}
                    </Button>
                  )}
                  {course.status !== 'CANCELLED' && (
                    <Button variant="default" color="red.9" onClick={() => setDialog('CANCELLED')}>
                      {t('course.cancel')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
            <Card withBorder radius="md" padding="lg" data-testid="course-details">
              <Title order={2} size="h4" mb="sm">
                {t('course.details')}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" verticalSpacing="sm">
                <Field label={t('course.topic')} value={course.topic && <bdi>{course.topic}</bdi>} />
                <Field
                  label={t('course.modeAndCity')}
                  value={`${t(`courseMode.${course.mode}`)} · ${course.city ? isolate(course.city) : t('course.online')}`}
                />
                <Field
                  label={t('course.partners')}
                  value={course.partners.length > 0 && course.partners.map((p) => isolate(p)).join(' · ')}
                />
                <Field label={t('course.price')} value={price ?? t('course.free')} />
                <Field label={t('course.capacity')} value={format.number(course.capacity)} />
                <Field
                  label={t('course.completionThreshold')}
                  value={formatRate(course.completionThreshold, locale)}
                />
                <Field
                  label={t('course.startsOn')}
                  value={course.startsOn && format.day(course.startsOn, 'long')}
                />
                <Field label={t('course.trainingDays')} value={format.number(course.trainingDays)} />
              </SimpleGrid>
            </Card>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('course.sessions')}
              </Title>
              <CourseSessions course={course} canWrite={canWrite} />
            </Stack>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <div>
                  <Title order={2} size="h3">
                    {t('course.registrations')}
                  </Title>
                  <PlacesSummary
                    taken={course.registeredCount}
                    capacity={course.capacity}
                    waitlist={course.waitlistCount}
                  />
                </div>
                {writable && course.status === 'OPEN' && (
                  <Button onClick={() => setDialog('register')} data-testid="open-register">
                    {t('registration.register')}
                  </Button>
                )}
              </Group>
              {outcome && (
                <Alert
                  color={outcome.status === 'WAITLISTED' ? 'orange' : 'teal'}
                  variant="light"
                  role="status"
                  data-testid="registered-notice"
                  data-status={outcome.status}
                >
                  {outcome.status === 'WAITLISTED'
                    ? t('registration.waitlisted', {
                        name: isolate(outcome.name),
                        position: outcome.waitlistPosition ?? 0,
                      })
                    : t('registration.registered', { name: isolate(outcome.name) })}
                </Alert>
              )}
              <CourseRegistrations course={course} canWrite={writable} onCancelled={() => setOutcome(null)} />
            </Stack>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('attendanceGrid.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('attendanceGrid.rule', { threshold: formatRate(course.completionThreshold, locale) })}
              </Text>
              <CourseAttendanceGrid course={course} canWrite={canWrite} />
            </Stack>
            <AppModal
              opened={dialog === 'edit'}
              onClose={() => setDialog(null)}
              title={t('course.edit')}
              size="lg"
            >
              <CourseForm
                course={{ id: course.id, values: courseFormFrom(course) }}
                onDone={() => setDialog(null)}
              />
            </AppModal>
            <RegisterDialog
              courseId={course.id}
              opened={dialog === 'register'}
              onClose={() => setDialog(null)}
              onRegistered={(registered) => {
                setOutcome(registered);
                setDialog(null);
              }}
            />
            <AppModal
              opened={dialog === 'OPEN' || dialog === 'CLOSED' || dialog === 'CANCELLED'}
              onClose={() => setDialog(null)}
              title={t('course.statusTitle')}
            >
              <Stack>
                <Text>
                  {dialog === 'CANCELLED'
                    ? t('course.cancelConfirm')
                    : dialog === 'CLOSED'
                      ? t('course.closeConfirm')
                      : t('course.reopenConfirm')}
                </Text>
                <FormErrors ids={statusErrors.general} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setDialog(null)}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    color={dialog === 'CANCELLED' ? 'red.9' : undefined}
                    loading={statusState.fetching}
                    onClick={() => {
                      if (dialog === 'OPEN' || dialog === 'CLOSED' || dialog === 'CANCELLED')
                        void changeStatus(dialog);
                    }}
                    data-testid="confirm-status"
                  >
                    {dialog === 'CANCELLED'
                      ? t('course.cancel')
                      : dialog === 'CLOSED'
                        ? t('course.close')
                        : t('course.reopen')}
                  </Button>
                </Group>
              </Stack>
            </AppModal>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );
}
