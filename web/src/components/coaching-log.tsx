import { Card, Group, Stack, Text } from '@mantine/core';
import { type FragmentType, graphql, readFragment } from '../gql';
import { isolate } from '../i18n/isolate';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

export const CoachingLogSessionFragment = graphql(`
  fragment CoachingLog_CoachingSessionFragment on CoachingSession {
    id
    heldOn
    minutes
    topic
    notes
    nextSteps
    createdAt
    coach {
      id
      displayName
    }
  }
`);

/** A venture's coaching sessions, newest first: what was worked on and what was agreed next. */
export function CoachingLog(props: { sessions: readonly FragmentType<typeof CoachingLogSessionFragment>[] }) {
  const t = useT();
  const format = useCentreFormatters();
  const sessions = props.sessions
    .map((s) => readFragment(CoachingLogSessionFragment, s))
    .sort((a, b) =>
      a.heldOn === b.heldOn ? b.createdAt.localeCompare(a.createdAt) : b.heldOn.localeCompare(a.heldOn),
    );
  if (sessions.length === 0) return <Text c="dimmed">{t('coaching.empty')}</Text>;
  return (
    <Stack gap="sm" data-testid="coaching-log">
      {sessions.map((session) => (
        <Card
          key={session.id}
          withBorder
          radius="md"
          padding="md"
          data-testid="coaching-session"
          data-topic={session.topic}
        >
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={700}>{format.day(session.heldOn, 'long')}</Text>
              <Text size="sm" c="dimmed">
                {t('coaching.byCoach', {
                  minutes: session.minutes,
                  coach: isolate(session.coach.displayName),
                })}
              </Text>
            </Group>
            <Text fw={600}>
              <bdi>{session.topic}</bdi>
            </Text>
            {session.notes && (
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {session.notes}
              </Text>
            )}
            {session.nextSteps && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                <Text span fw={600} size="sm">
                  {t('coaching.nextSteps')}
                </Text>
                {' — '}
                {isolate(session.nextSteps)}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
