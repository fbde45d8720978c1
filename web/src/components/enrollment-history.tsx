import { Anchor, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { isolate } from '../i18n/isolate';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { EnrollmentStatusAction } from './enrollment-status-action';
import { StatusBadge } from './status-badge';

export const EnrollmentHistoryEnrollmentFragment = graphql(`
  fragment EnrollmentHistory_EnrollmentFragment on Enrollment {
    id
    status
    statusReason
    statusChangedAt
    createdAt
    cohort {
      id
      label
      startsOn
      endsOn
      programme {
        id
        nameFr
        nameAr
        trade {
          id
          nameFr
          nameAr
        }
      }
    }
    history {
      id
      fromStatus
      toStatus
      reason
      at
      actor {
        id
        displayName
      }
    }
  }
`);

/** One enrollment of a person: the cohort, where it stands, and every step that led there. */
export function EnrollmentHistory(props: {
  enrollment: FragmentType<typeof EnrollmentHistoryEnrollmentFragment>;
  personName: string;
  canWrite: boolean;
}) {
  const enrollment = readFragment(EnrollmentHistoryEnrollmentFragment, props.enrollment);
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const { cohort } = enrollment;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="enrollment-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={3} size="h4">
              <Anchor component={Link} to={`/cohorts/${cohort.id}`}>
                {cohort.label}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {localName(cohort.programme.trade, locale)} · {localName(cohort.programme, locale)} ·{' '}
              {t('cohort.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}
            </Text>
          </div>
          <Group gap="sm" align="flex-start">
            <StatusBadge status={enrollment.status} />
            {props.canWrite && (
              <EnrollmentStatusAction
                enrollmentId={enrollment.id}
                status={enrollment.status}
                label={`${props.personName} — ${cohort.label}`}
              />
            )}
          </Group>
        </Group>
        <div>
          <Title order={4} size="h5" mb="xs">
            {t('history.title')}
          </Title>
          <Timeline
            active={enrollment.history.length - 1}
            bulletSize={14}
            lineWidth={2}
            data-testid="history"
          >
            {enrollment.history.map((event) => (
              <Timeline.Item
                key={event.id}
                title={
                  event.fromStatus
                    ? t('history.transition', {
                        from: t(`status.${event.fromStatus}`),
                        to: t(`status.${event.toStatus}`),
                      })
                    : t('history.created', { to: t(`status.${event.toStatus}`) })
                }
              >
                <Text size="sm" c="dimmed">
                  {t('history.when', {
                    at: format.dateTime(event.at),
                    who: event.actor ? isolate(event.actor.displayName) : t('history.system'),
                  })}
                </Text>
                {event.reason && (
                  <Text size="sm">{t('history.reason', { reason: isolate(event.reason) })}</Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </div>
      </Stack>
    </Card>
  );
}
