import {
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { numberOrEmpty } from '../lib/number-input';
import { isCalendarDay } from '../lib/person-form';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { useMutationForm } from './use-mutation-form';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

export const CourseSessionsCourseFragment = graphql(`
  fragment CourseSessions_CourseFragment on Course {
    id
    status
    sessions {
      id
      day
      startsAt
      endsAt
      days
      hours
      place
    }
  }
`);

const AddCourseSessionMutation = graphql(`
  mutation AddCourseSession($input: AddCourseSessionInput!) {
    addCourseSession(input: $input) {
      session {
        id
        course {
          id
        }
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const RemoveCourseSessionMutation = graphql(`
  mutation RemoveCourseSession($input: RemoveCourseSessionInput!) {
    removeCourseSession(input: $input) {
      session {
        id
        course {
          id
        }
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const SESSION_FIELDS = ['day', 'startsAt', 'endsAt', 'days', 'hours', 'place'];

/** A course's dated sessions, each with its length; writers add and remove them. */
export function CourseSessions(props: {
  course: FragmentType<typeof CourseSessionsCourseFragment>;
  canWrite: boolean;
}) {
  const course = readFragment(CourseSessionsCourseFragment, props.course);
  const t = useT();
  const format = useCentreFormatters();
  const [adding, setAdding] = useState(false);
  const [removeState, remove] = useMutation(RemoveCourseSessionMutation);
  const [removeErrors, setRemoveErrors] = useState<SplitErrors>(NO_ERRORS);
  const sessions = [...course.sessions].sort((a, b) => a.day.localeCompare(b.day));
  const canWrite = props.canWrite && course.status !== 'CANCELLED';

  const onRemove = async (id: string) => {
    setRemoveErrors(NO_ERRORS);
    const result = await remove({ input: { id } });
    const problems = mutationErrors(result.data?.removeCourseSession, result.error, []);
    if (problems) setRemoveErrors(problems);
  };

  return (
    <Stack gap="sm" data-testid="course-sessions">
      <FormErrors ids={removeErrors.general} />
      {sessions.length === 0 ? (
        <Text c="dimmed">{t('course.noSession')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('session.day')}</Table.Th>
                <Table.Th>{t('session.times')}</Table.Th>
                <Table.Th>{t('session.days')}</Table.Th>
                <Table.Th>{t('session.hours')}</Table.Th>
                <Table.Th>{t('session.place')}</Table.Th>
                {canWrite && (
                  <Table.Th>
                    <VisuallyHidden>{t('session.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => (
                <Table.Tr key={session.id} data-testid="course-session">
                  <Table.Td>{format.day(session.day, 'long')}</Table.Td>
                  <Table.Td>
                    {session.startsAt && session.endsAt ? (
                      <span dir="ltr">{`${session.startsAt} – ${session.endsAt}`}</span>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{format.number(session.days)}</Table.Td>
                  <Table.Td>
                    {session.hours === null || session.hours === undefined
                      ? '—'
                      : format.number(session.hours)}
                  </Table.Td>
                  <Table.Td>{session.place ? <bdi>{session.place}</bdi> : '—'}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        c="red.9"
                        loading={removeState.fetching}
                        onClick={() => void onRemove(session.id)}
                        aria-label={t('session.removeLabel', { day: format.day(session.day, 'long') })}
                      >
                        {t('session.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <Group>
          <Button variant="default" onClick={() => setAdding(true)} data-testid="add-session">
            {t('session.add')}
          </Button>
        </Group>
      )}
      <AppModal opened={adding} onClose={() => setAdding(false)} title={t('session.add')}>
        <AddSessionForm courseId={course.id} onDone={() => setAdding(false)} />
      </AppModal>
    </Stack>
  );
}

interface SessionValues {
  day: string;
  startsAt: string;
  endsAt: string;
  days: number | '';
  hours: number | '';
  place: string;
}

function AddSessionForm({ courseId, onDone }: { courseId: string; onDone: () => void }) {
  const t = useT();
  const [values, setValues] = useState<SessionValues>({
    day: '',
    startsAt: '',
    endsAt: '',
    days: '',
    hours: '',
    place: '',
  });
  const { errors, setErrors, formRef, err, refused, accepted } = useMutationForm();
  const [state, add] = useMutation(AddCourseSessionMutation);
  const set = <F extends keyof SessionValues>(field: F, value: SessionValues[F]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const error = (field: keyof SessionValues) => err(field);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.day) return refused({ day: 'errors.REQUIRED' });
    if (!isCalendarDay(values.day)) return refused({ day: 'errors.INVALID_DATE' });
    setErrors(NO_ERRORS);
    const result = await add({
      input: {
        courseId,
        day: values.day,
        startsAt: values.startsAt || null,
        endsAt: values.endsAt || null,
        days: values.days === '' ? null : values.days,
        hours: values.hours === '' ? null : values.hours,
        place: values.place.trim() || null,
      },
    });
    if (accepted(result.data?.addCourseSession, result.error, SESSION_FIELDS)) onDone();
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="session-form">
      <Stack>
        <FormErrors ids={errors.general} />
        <TextInput
          name="day"
          type="date"
          dir="ltr"
          label={t('session.day')}
          required
          value={values.day}
          onChange={(e) => set('day', e.currentTarget.value)}
          error={error('day')}
        />
        <SimpleGrid cols={2}>
          <TextInput
            name="startsAt"
            type="time"
            dir="ltr"
            label={t('session.startsAt')}
            value={values.startsAt}
            onChange={(e) => set('startsAt', e.currentTarget.value)}
            error={error('startsAt')}
          />
          <TextInput
            name="endsAt"
            type="time"
            dir="ltr"
            label={t('session.endsAt')}
            value={values.endsAt}
            onChange={(e) => set('endsAt', e.currentTarget.value)}
            error={error('endsAt')}
          />
          <NumberInput
            name="days"
            label={t('session.days')}
            description={t('session.daysHelp')}
            min={0}
            step={0.5}
            decimalScale={2}
            allowNegative={false}
            value={values.days}
            onChange={(value) => set('days', numberOrEmpty(value))}
            error={error('days')}
          />
          <NumberInput
            name="hours"
            label={t('session.hours')}
            min={0}
            step={0.5}
            decimalScale={2}
            allowNegative={false}
            value={values.hours}
            onChange={(value) => set('hours', numberOrEmpty(value))}
            error={error('hours')}
          />
        </SimpleGrid>
        <TextInput
          name="place"
          label={t('session.place')}
          value={values.place}
          onChange={(e) => set('place', e.currentTarget.value)}
          error={error('place')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={state.fetching}>
            {t('session.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
