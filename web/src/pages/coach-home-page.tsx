import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AppModal } from '../components/app-modal';
import { VenturePhaseBadge } from '../components/incubation-badges';
import { LogSessionForm } from '../components/log-session-form';
import { QueryBoundary } from '../components/query-boundary';
import { WelcomeCard } from '../components/welcome-card';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

const CoachHomePageQuery = graphql(`
  query CoachHomePage {
    me {
      id
      displayName
    }
    currentTenant {
      id
      ...WelcomeCard_TenantFragment
    }
    ventures(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          sector
          phase
          coachingSessions {
            id
            heldOn
          }
        }
      }
    }
  }
`);

/** A coach's home: the ventures they coach, when each was last seen, and a session logged in one tap. */
export function CoachHomePage() {
  const t = useT();
  const format = useCentreFormatters();
  const [result, reexecute] = useQuery({ query: CoachHomePageQuery });
  const [logging, setLogging] = useState<{ id: string; name: string } | null>(null);
  const [logged, setLogged] = useState<string | null>(null);
  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {(data) => {
        // Those not seen for longest come first: they are the ones to call.
        const ventures = data.ventures.edges
          .map(({ node }) => ({
            ...node,
            lastSession: node.coachingSessions.reduce<string | null>(
              (last, s) => (last === null || s.heldOn > last ? s.heldOn : last),
              null,
            ),
          }))
          .sort(
            (a, b) =>
              (a.lastSession ?? '').localeCompare(b.lastSession ?? '') || a.name.localeCompare(b.name),
          );
        return (
          <Stack gap="lg">
            <WelcomeCard name={data.me?.displayName ?? ''} tenant={data.currentTenant} />
            {logged && (
              <Alert color="teal" variant="light" role="status" data-testid="home-session-logged">
                {t('coachHome.logged', { name: isolate(logged) })}
              </Alert>
            )}
            <Stack
              gap="sm"
              component="section"
              aria-labelledby="my-ventures-title"
              data-testid="coach-ventures"
            >
              <Group justify="space-between" align="flex-end">
                <Title order={2} size="h3" id="my-ventures-title">
                  {t('coachHome.ventures', { count: data.ventures.totalCount })}
                </Title>
                <Button component={Link} to="/ventures" variant="default">
                  {t('coachHome.all')}
                </Button>
              </Group>
              {ventures.length === 0 ? (
                <Text size="lg" c="dimmed">
                  {t('ventures.emptyCoach')}
                </Text>
              ) : (
                ventures.map((venture) => (
                  <Card key={venture.id} withBorder radius="md" padding="md" data-testid="coach-venture">
                    <Stack gap="xs">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <div>
                          <Text
                            fw={700}
                            size="lg"
                            component={Link}
                            to={`/ventures/${venture.id}`}
                            c="inherit"
                          >
                            {venture.name}
                          </Text>
                          <Text size="sm" c="dimmed">
                            <bdi>{venture.sector}</bdi>
                          </Text>
                        </div>
                        <VenturePhaseBadge phase={venture.phase} />
                      </Group>
                      <Text size="sm" data-testid="last-session">
                        {venture.lastSession
                          ? t('coachHome.lastSession', { date: format.day(venture.lastSession, 'long') })
                          : t('coachHome.noSession')}
                      </Text>
                      <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
                        {venture.phase !== 'ABANDONED' && (
                          <Button
                            size="md"
                            onClick={() => {
                              setLogged(null);
                              setLogging({ id: venture.id, name: venture.name });
                            }}
                            data-testid="quick-log"
                          >
                            {t('coaching.log')}
                          </Button>
                        )}
                        <Button component={Link} to={`/ventures/${venture.id}`} size="md" variant="default">
                          {t('coachHome.open')}
                        </Button>
                      </Group>
                    </Stack>
                  </Card>
                ))
              )}
            </Stack>
            <AppModal
              opened={!!logging}
              onClose={() => setLogging(null)}
              title={logging ? t('coachHome.logFor', { name: isolate(logging.name) }) : ''}
              size="lg"
            >
              {logging && (
                <LogSessionForm
                  ventureId={logging.id}
                  onLogged={() => {
                    setLogged(logging.name);
                    setLogging(null);
                  }}
                />
              )}
            </AppModal>
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
