import { Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { orderRegistrations } from '../lib/course-format';
import { formatPercent } from '../lib/graduation';
import { RegistrationStatusBadge } from './course-badges';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

export const CourseAttendanceGridCourseFragment = graphql(`
  fragment CourseAttendanceGrid_CourseFragment on Course {
    id
    status
    sessions {
      id
      day
      attendance {
        id
        present
        registration {
          id
        }
      }
    }
    registrations {
      id
      status
      waitlistPosition
      attendanceRate
      createdAt
      person {
        id
        fullName
      }
    }
  }
`);

const RecordCourseAttendanceMutation = graphql(`
  mutation RecordCourseAttendance($input: RecordCourseAttendanceInput!) {
    recordCourseAttendance(input: $input) {
      session {
        id
        course {
          id
        }
        attendance {
          id
          present
          registration {
            id
          }
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

type Drafts = Record<string, Record<string, boolean>>;

/**
 * The register of every session at once: one row per participant, one column per session, a box
 * ticked for present. Saving a session's column records everyone in it (unticked = absent); the
 * API then marks as completed whoever reached the course's attendance threshold.
 */
export function CourseAttendanceGrid(props: {
  course: FragmentType<typeof CourseAttendanceGridCourseFragment>;
  canWrite: boolean;
}) {
  const course = readFragment(CourseAttendanceGridCourseFragment, props.course);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [state, record] = useMutation(RecordCourseAttendanceMutation);
  const sessions = [...course.sessions].sort((a, b) => a.day.localeCompare(b.day));
  const participants = orderRegistrations(
    course.registrations.filter((r) => r.status === 'REGISTERED' || r.status === 'COMPLETED'),
  );
  const canWrite = props.canWrite && course.status !== 'CANCELLED';

  if (sessions.length === 0 || participants.length === 0) {
    return <Text c="dimmed">{t('attendanceGrid.empty')}</Text>;
  }

  const recorded = (sessionId: string, registrationId: string): boolean | null => {
    const session = sessions.find((s) => s.id === sessionId);
    const entry = session?.attendance.find((a) => a.registration.id === registrationId);
    return entry ? entry.present : null;
  };
  const present = (sessionId: string, registrationId: string) =>
    drafts[sessionId]?.[registrationId] ?? recorded(sessionId, registrationId) ?? false;
  const dirty = Object.keys(drafts);

  const save = async () => {
    setErrors(NO_ERRORS);
    setSaved(false);
    for (const sessionId of dirty) {
      const entries = participants.map((r) => ({ registrationId: r.id, present: present(sessionId, r.id) }));
      const result = await record({ input: { sessionId, entries } });
      const problems = mutationErrors(result.data?.recordCourseAttendance, result.error, []);
      if (problems) return setErrors(problems);
      setDrafts((current) => {
        const { [sessionId]: _done, ...rest } = current;
        return rest;
      });
    }
    setSaved(true);
  };

  return (
    <Stack gap="sm" data-testid="attendance-grid">
      <FormErrors ids={errors.general} />
      <Table.ScrollContainer minWidth={320 + sessions.length * 96}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('person.name')}</Table.Th>
              {sessions.map((session) => (
                <Table.Th key={session.id} ta="center">
                  {format.day(session.day)}
                </Table.Th>
              ))}
              <Table.Th>{t('registration.attendanceRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {participants.map((registration) => (
              <Table.Tr key={registration.id} data-testid="attendance-row">
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text>{registration.person.fullName}</Text>
                    {registration.status === 'COMPLETED' && <RegistrationStatusBadge status="COMPLETED" />}
                  </Group>
                </Table.Td>
                {sessions.map((session) => (
                  <Table.Td key={session.id} ta="center">
                    <Checkbox
                      style={{ display: 'inline-block' }}
                      checked={present(session.id, registration.id)}
                      disabled={!canWrite || state.fetching}
                      aria-label={t('attendanceGrid.presentLabel', {
                        name: registration.person.fullName,
                        day: format.day(session.day),
                      })}
                      data-recorded={recorded(session.id, registration.id) === null ? 'no' : 'yes'}
                      onChange={(event) => {
                        const checked = event.currentTarget.checked;
                        setSaved(false);
                        setDrafts((current) => ({
                          ...current,
                          [session.id]: { ...current[session.id], [registration.id]: checked },
                        }));
                      }}
                    />
                  </Table.Td>
                ))}
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
      {canWrite && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {saved
              ? t('attendanceGrid.saved')
              : dirty.length > 0
                ? t('attendanceGrid.unsaved', { count: dirty.length })
                : t('attendanceGrid.help')}
          </Text>
          <Button
            onClick={() => void save()}
            loading={state.fetching}
            disabled={dirty.length === 0}
            data-testid="save-attendance"
          >
            {t('attendanceGrid.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
