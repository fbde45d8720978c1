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
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { CourseAttendanceGrid } from '../components/course-attendance-grid';
import { CourseStatusBadge } from '../components/course-badges';
import { CourseForm } from '../components/course-form';
import { CourseRegistrations, PlacesSummary } from '../components/course-registrations';
import { courseTitle } from '../components/course-row';
import { CourseSessions } from '../components/course-sessions';
import { ConfirmDialog } from '../components/form-dialog';
import { LabelledValue } from '../components/labelled-value';
import { QueryBoundary } from '../components/query-boundary';
import { RegisterDialog, type RegisteredOutcome } from '../components/register-dialog';
import { useMutationDialog } from '../components/use-mutation-dialog';
import { NO_ERRORS } from '../components/user-errors';
import { graphql } from '../gql';
import type { CourseStatus } from '../gql/graphql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { courseFormFrom } from '../lib/course-form';
import { coursePrice } from '../lib/course-format';
import { formatPercent } from '../lib/graduation';
import { useCanWriteCourses } from '../session/permissions';
import { NotFoundPage } from './not-found-page';

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

type Dialog = 'edit' | 'register' | null;

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
  const statusDialog = useMutationDialog<CourseStatus>();
  const nextStatus = statusDialog.subject;

  const changeStatus = async (status: CourseStatus) => {
    statusDialog.setErrors(NO_ERRORS);
    const outcome = await setStatus({ input: { id, status } });
    statusDialog.accepted(outcome.data?.setCourseStatus, outcome.error, []);
  };

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ course }) => {
        if (!course) {
          return (
            <NotFoundPage
              title={t('course.notFound')}
              back={{ to: '/courses', label: t('course.backToList') }}
            />
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
                    <Button variant="default" onClick={() => statusDialog.open('CLOSED')}>
                      {t('course.close')}
                    </Button>
                  )}
                  {course.status === 'CLOSED' && (
                    <Button variant="default" onClick={() => statusDialog.open('OPEN')}>
                      {t('course.reopen')}
                    </Button>
                  )}
                  {course.status !== 'CANCELLED' && (
                    <Button variant="default" color="red.9" onClick={() => statusDialog.open('CANCELLED')}>
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
                <LabelledValue label={t('course.topic')} value={course.topic && <bdi>{course.topic}</bdi>} />
                <LabelledValue
                  label={t('course.modeAndCity')}
                  value={`${t(`courseMode.${course.mode}`)} · ${course.city ? isolate(course.city) : t('course.online')}`}
                />
                <LabelledValue
                  label={t('course.partners')}
                  value={course.partners.length > 0 && course.partners.map((p) => isolate(p)).join(' · ')}
                />
                <LabelledValue label={t('course.price')} value={price ?? t('course.free')} />
                <LabelledValue label={t('course.capacity')} value={format.number(course.capacity)} />
                <LabelledValue
                  label={t('course.completionThreshold')}
                  value={formatPercent(course.completionThreshold, locale)}
                />
                <LabelledValue
                  label={t('course.startsOn')}
                  value={course.startsOn && format.day(course.startsOn, 'long')}
                />
                <LabelledValue label={t('course.trainingDays')} value={format.number(course.trainingDays)} />
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
                {t('attendanceGrid.rule', { threshold: formatPercent(course.completionThreshold, locale) })}
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
            <ConfirmDialog
              dialog={statusDialog}
              title={t('course.statusTitle')}
              confirmLabel={
                nextStatus === 'CANCELLED'
                  ? t('course.cancel')
                  : nextStatus === 'CLOSED'
                    ? t('course.close')
                    : t('course.reopen')
              }
              color={nextStatus === 'CANCELLED' ? 'red.9' : undefined}
              fetching={statusState.fetching}
              onConfirm={() => nextStatus && changeStatus(nextStatus)}
              confirmTestId="confirm-status"
            >
              <Text>
                {nextStatus === 'CANCELLED'
                  ? t('course.cancelConfirm')
                  : nextStatus === 'CLOSED'
                    ? t('course.closeConfirm')
                    : t('course.reopenConfirm')}
              </Text>
            </ConfirmDialog>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
