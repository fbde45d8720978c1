import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import { isolate } from '../i18n/isolate';
import { useLocale } from '../i18n/locale-provider';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { orderRegistrations } from '../lib/course-format';
import { formatPercent } from '../lib/graduation';
import { RegistrationStatusBadge } from './course-badges';
import { ReasonDialog } from './reason-dialog';
import { useMutationDialog } from './use-mutation-dialog';
import { NO_ERRORS } from './user-errors';

export const CourseRegistrationsCourseFragment = graphql(`
  fragment CourseRegistrations_CourseFragment on Course {
    id
    status
    registrations {
      id
      status
      statusReason
      waitlistPosition
      attendanceRate
      createdAt
      person {
        id
        fullName
        phone
      }
    }
  }
`);

const CancelRegistrationMutation = graphql(`
  mutation CancelRegistration($input: CancelRegistrationInput!) {
    cancelRegistration(input: $input) {
      registration {
        id
        status
        statusReason
        waitlistPosition
        course {
          id
        }
      }
      promoted {
        id
        status
        waitlistPosition
        person {
          id
          fullName
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

const CANCEL_REASONS: readonly MessageId[] = [
  'registration.reason.unavailable',
  'registration.reason.request',
  'registration.reason.noShow',
];

/**
 * Who holds a place (registered, then completed) and who waits, in order; cancelling frees a place
 * that the API gives to the first on the waitlist, and the page says who got it.
 */
export function CourseRegistrations(props: {
  course: FragmentType<typeof CourseRegistrationsCourseFragment>;
  canWrite: boolean;
  /** After a cancellation: the page drops its older notices. */
  onCancelled?: () => void;
}) {
  const course = readFragment(CourseRegistrationsCourseFragment, props.course);
  const t = useT();
  const { locale } = useLocale();
  const cancelling = useMutationDialog<{ id: string; name: string }>();
  const [promoted, setPromoted] = useState<{ name: string; personId: string } | null>(null);
  const [state, cancel] = useMutation(CancelRegistrationMutation);
  const rows = orderRegistrations(course.registrations);

  const onCancel = async (reason: string) => {
    if (!cancelling.subject) return;
    cancelling.setErrors(NO_ERRORS);
    const result = await cancel({ input: { id: cancelling.subject.id, reason } });
    const payload = result.data?.cancelRegistration;
    if (!cancelling.accepted(payload, result.error, ['reason'])) return;
    props.onCancelled?.();
    setPromoted(
      payload?.promoted
        ? { name: payload.promoted.person.fullName, personId: payload.promoted.person.id }
        : null,
    );
  };

  return (
    <Stack gap="sm">
      {promoted && (
        <Alert color="teal" variant="light" role="status" data-testid="promoted-notice">
          {t('registration.promoted', { name: isolate(promoted.name) })}{' '}
          <Anchor component={Link} to={`/people/${promoted.personId}`}>
            {t('registration.openPerson')}
          </Anchor>
        </Alert>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('registration.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs" data-testid="registrations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('person.name')}</Table.Th>
                <Table.Th>{t('filters.status')}</Table.Th>
                <Table.Th>{t('registration.position')}</Table.Th>
                <Table.Th>{t('registration.attendanceRate')}</Table.Th>
                {props.canWrite && <Table.Th>{t('registration.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((registration) => (
                <Table.Tr
                  key={registration.id}
                  data-testid="registration-row"
                  data-status={registration.status}
                  data-person={registration.person.fullName}
                  data-person-id={registration.person.id}
                >
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${registration.person.id}`}>
                      {registration.person.fullName}
                    </Anchor>
                    {registration.person.phone && (
                      <Text size="sm" c="dimmed">
                        <span dir="ltr">{registration.person.phone}</span>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RegistrationStatusBadge status={registration.status} />
                    {registration.status === 'CANCELLED' && registration.statusReason && (
                      <Text size="xs" c="dimmed" mt={2}>
                        <bdi>{registration.statusReason}</bdi>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="waitlist-position">{registration.waitlistPosition ?? '—'}</Table.Td>
                  <Table.Td data-testid="attendance-rate">
                    {registration.attendanceRate === null || registration.attendanceRate === undefined
                      ? '—'
                      : formatPercent(registration.attendanceRate, locale)}
                  </Table.Td>
                  {props.canWrite && (
                    <Table.Td>
                      {(registration.status === 'REGISTERED' || registration.status === 'WAITLISTED') && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          data-testid="cancel-registration"
                          aria-label={t('registration.cancelLabel', { name: registration.person.fullName })}
                          onClick={() =>
                            cancelling.open({ id: registration.id, name: registration.person.fullName })
                          }
                        >
                          {t('registration.cancel')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ReasonDialog
        opened={cancelling.opened}
        onClose={cancelling.close}
        title={t('registration.cancelTitle')}
        subject={cancelling.subject?.name}
        suggestions={CANCEL_REASONS}
        submitLabel={t('registration.cancelSubmit')}
        fetching={state.fetching}
        errors={{ reason: cancelling.errors.byField.reason, general: cancelling.errors.general }}
        onSubmit={(reason) => void onCancel(reason)}
      />
    </Stack>
  );
}

/** The small counter next to the section title: places taken and the waitlist. */
export function PlacesSummary({
  taken,
  capacity,
  waitlist,
}: {
  taken: number;
  capacity: number;
  waitlist: number;
}) {
  const t = useT();
  return (
    <Group gap="md">
      <Text data-testid="places-taken">{t('course.places', { taken, capacity })}</Text>
      <Text data-testid="waitlist-count">{t('course.waitlistCount', { count: waitlist })}</Text>
    </Group>
  );
}
