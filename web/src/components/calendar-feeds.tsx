import { Alert, Button, Card, CopyButton, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import type { MessageId } from '../i18n/messages';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { feedUrls } from '../lib/calendar-url';
import { mutationErrors } from './user-errors';

export const CalendarFeedsFeedFragment = graphql(`
  fragment CalendarFeeds_CalendarFeedFragment on CalendarFeed {
    id
    createdAt
    revokedAt
  }
`);

const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed($input: CreateCalendarFeedInput!) {
    createCalendarFeed(input: $input) {
      url
      feed {
        id
        createdAt
        revokedAt
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed($input: RevokeCalendarFeedInput!) {
    revokeCalendarFeed(input: $input) {
      feed {
        id
        createdAt
        revokedAt
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

/**
 * The trainee's sessions in their phone's calendar: a private address the calendar subscribes to
 * without signing in. The API shows it once, when it is made; a link that leaked is switched off
 * here and a new one made.
 */
export function CalendarFeeds(props: {
  feeds: readonly FragmentType<typeof CalendarFeedsFeedFragment>[];
  /** The page's origin (window.location.origin): the API serves the feed next to this client. */
  origin: string;
}) {
  const feeds = props.feeds.map((feed) => readFragment(CalendarFeedsFeedFragment, feed));
  const t = useT();
  const format = useCentreFormatters();
  const [createState, create] = useMutation(CreateCalendarFeedMutation);
  const [revokeState, revoke] = useMutation(RevokeCalendarFeedMutation);
  const [created, setCreated] = useState<{ id: string; path: string } | null>(null);
  const [errors, setErrors] = useState<MessageId[]>([]);
  const urls = created ? feedUrls(props.origin, created.path) : null;

  const onCreate = async () => {
    setErrors([]);
    const result = await create({ input: {} });
    const payload = result.data?.createCalendarFeed;
    const problems = mutationErrors(payload, result.error, []);
    if (problems) return setErrors(problems.general);
    if (payload?.url && payload.feed) setCreated({ id: payload.feed.id, path: payload.url });
  };

  const onRevoke = async (id: string) => {
    setErrors([]);
    const result = await revoke({ input: { id } });
    const problems = mutationErrors(result.data?.revokeCalendarFeed, result.error, []);
    if (problems) return setErrors(problems.general);
    if (created?.id === id) setCreated(null);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="calendar-title" data-testid="calendar-feeds">
      <Title order={2} size="h3" id="calendar-title">
        {t('calendar.title')}
      </Title>
      <Text>{t('calendar.intro')}</Text>
      {errors.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          {errors.map((id) => t(id)).join(' ')}
        </Alert>
      )}
      {urls ? (
        <Card withBorder radius="md" padding="md" data-testid="calendar-link">
          <Stack gap="sm">
            <TextInput
              label={t('calendar.url')}
              description={t('calendar.urlOnce')}
              value={urls.https}
              readOnly
              dir="ltr"
              onFocus={(event) => event.currentTarget.select()}
              data-testid="calendar-url"
              size="md"
            />
            <Group grow gap="sm">
              <CopyButton value={urls.https} timeout={2000}>
                {({ copied, copy }) => (
                  <Button
                    size="lg"
                    variant={copied ? 'filled' : 'light'}
                    onClick={copy}
                    data-testid="copy-calendar-url"
                  >
                    {copied ? t('calendar.copied') : t('calendar.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button component="a" href={urls.webcal} size="lg" data-testid="webcal-link">
                {t('calendar.subscribe')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : (
        <Button
          size="lg"
          fullWidth
          onClick={onCreate}
          loading={createState.fetching}
          data-testid="create-calendar-feed"
        >
          {t('calendar.create')}
        </Button>
      )}
      {feeds.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('calendar.feeds')}</Text>
          <List spacing="xs" listStyleType="none" data-testid="calendar-feed-list">
            {feeds.map((feed) => (
              <List.Item
                key={feed.id}
                data-testid="calendar-feed"
                data-revoked={feed.revokedAt ? true : undefined}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm">
                    {feed.revokedAt
                      ? t('calendar.feedRevoked', {
                          created: format.dateTime(feed.createdAt),
                          revoked: format.dateTime(feed.revokedAt),
                        })
                      : t('calendar.feedActive', { created: format.dateTime(feed.createdAt) })}
                  </Text>
                  {!feed.revokedAt && (
                    <Button
                      variant="outline"
                      color="red.9"
                      size="sm"
                      style={{ flexShrink: 0 }}
                      loading={revokeState.fetching && revokeState.operation?.variables.input.id === feed.id}
                      onClick={() => onRevoke(feed.id)}
                      aria-label={`${t('calendar.revoke')} — ${t('calendar.feedActive', { created: format.dateTime(feed.createdAt) })}`}
                      data-testid="revoke-calendar-feed"
                    >
                      {t('calendar.revoke')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {!urls && feeds.some((feed) => !feed.revokedAt) && (
        <Text size="sm" c="dimmed">
          {t('calendar.lost')}
        </Text>
      )}
    </Stack>
  );
}
