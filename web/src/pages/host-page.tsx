import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AddArtisanForm } from '../components/add-artisan-form';
import { AppModal } from '../components/app-modal';
import { HostForm } from '../components/host-form';
import { HostLoadChart } from '../components/host-load-chart';
import { HostStatusAction } from '../components/host-status-action';
import { LabelledValue } from '../components/labelled-value';
import { HostStatusBadge, PlacementStatusBadge } from '../components/placement-status-badge';
import { QueryBoundary } from '../components/query-boundary';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { hostName, localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useWeekdays } from '../i18n/use-weekdays';
import { hostFormFrom } from '../lib/host-form';
import { loadWindow } from '../lib/host-load';
import { useCentreToday } from '../lib/use-centre-today';
import { useCanWritePlacements } from '../session/permissions';

const HostPageQuery = graphql(`
  query HostPage($id: ID!, $from: Date!, $to: Date!) {
    trades {
      id
      nameFr
      nameAr
    }
    host(id: $id) {
      id
      kind
      name
      nameAr
      capacity
      address
      province
      contactName
      contactPhone
      status
      statusReason
      createdAt
      trade {
        id
        nameFr
        nameAr
      }
      artisans {
        id
        displayName
        phone
      }
      load(from: $from, to: $to) {
        day
        confirmed
        capacity
      }
    }
    placements(first: 50, filter: { hostId: $id }) {
      totalCount
      edges {
        node {
          id
          status
          statusReason
          startsOn
          endsOn
          weekdays
          enrollment {
            id
            person {
              id
              fullName
            }
            cohort {
              id
              label
            }
          }
        }
      }
    }
  }
`);

type Dialog = 'edit' | 'artisan' | null;

/** One host: who it is, who answers for it, how full it is week by week, and its placements. */
export function HostPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const format = useCentreFormatters();
  const weekdays = useWeekdays();
  const canWrite = useCanWritePlacements();
  const today = useCentreToday();
  const range = loadWindow(today);
  const [result, reexecute] = useQuery({
    query: HostPageQuery,
    variables: { id, from: range.from, to: range.to },
  });
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <QueryBoundary result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
      {({ host, trades, placements }) =>
        !host ? (
          <Stack align="flex-start">
            <Title order={1}>{t('host.notFound')}</Title>
            <Anchor component={Link} to="/hosts">
              {t('host.backToList')}
            </Anchor>
          </Stack>
        ) : (
          <Stack gap="lg">
            <Breadcrumbs>
              <Anchor component={Link} to="/hosts">
                {t('hosts.title')}
              </Anchor>
              <Text>{hostName(host, locale)}</Text>
            </Breadcrumbs>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm" align="center">
                  <Title order={1} data-testid="host-name">
                    {hostName(host, locale)}
                  </Title>
                  <HostStatusBadge status={host.status} />
                </Group>
                {host.nameAr && (
                  <Text c="dimmed" lang={locale === 'ar-MA' ? 'fr' : 'ar'}>
                    {locale === 'ar-MA' ? host.name : host.nameAr}
                  </Text>
                )}
                <Text>
                  {t(`hostKind.${host.kind}`)} · {localName(host.trade, locale)}
                </Text>
                {host.status !== 'ACTIVE' && host.statusReason && (
                  <Text size="sm" data-testid="host-status-reason">
                    {t('host.statusReason', { reason: isolate(host.statusReason) })}
                  </Text>
                )}
              </div>
              {canWrite && (
                <Stack gap="xs" align="flex-end">
                  <HostStatusAction hostId={host.id} status={host.status} />
                  <Group gap="xs">
                    <Button variant="default" onClick={() => setDialog('edit')}>
                      {t('host.edit')}
                    </Button>
                    <Button variant="default" onClick={() => setDialog('artisan')}>
                      {t('artisan.add')}
                    </Button>
                  </Group>
                </Stack>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <Card withBorder radius="md" padding="lg" data-testid="host-details">
                <Title order={2} size="h4" mb="sm">
                  {t('host.details')}
                </Title>
                <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
                  <LabelledValue
                    label={t('host.capacity')}
                    value={t('host.capacityValue', { count: host.capacity })}
                  />
                  <LabelledValue label={t('host.province')} value={host.province} />
                  <LabelledValue
                    label={t('host.address')}
                    value={host.address && <bdi>{host.address}</bdi>}
                  />
                  <LabelledValue
                    label={t('host.contactName')}
                    value={host.contactName && <bdi>{host.contactName}</bdi>}
                  />
                  <LabelledValue
                    label={t('host.contactPhone')}
                    value={host.contactPhone && <span dir="ltr">{host.contactPhone}</span>}
                  />
                  <LabelledValue label={t('host.createdAt')} value={format.date(host.createdAt, 'medium')} />
                </SimpleGrid>
              </Card>
              <Card withBorder radius="md" padding="lg" data-testid="host-artisans">
                <Title order={2} size="h4" mb="sm">
                  {t('host.artisans')}
                </Title>
                {host.artisans.length === 0 ? (
                  <Text c="dimmed">{t('host.noArtisan')}</Text>
                ) : (
                  <List spacing={4}>
                    {host.artisans.map((artisan) => (
                      <List.Item key={artisan.id}>
                        {isolate(artisan.displayName)}
                        {artisan.phone && (
                          <>
                            {' · '}
                            <span dir="ltr">{artisan.phone}</span>
                          </>
                        )}
                      </List.Item>
                    ))}
                  </List>
                )}
                <Text size="sm" c="dimmed" mt="sm">
                  {t('host.artisansHelp')}
                </Text>
              </Card>
            </SimpleGrid>
            <Card withBorder radius="md" padding="lg">
              <Title order={2} size="h4" mb={4}>
                {t('load.title')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('load.help')}
              </Text>
              <HostLoadChart days={host.load} thisWeek={range.thisWeek} />
            </Card>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('host.placements', { count: placements.totalCount })}
              </Title>
              {placements.edges.length === 0 ? (
                <Text c="dimmed">{t('host.noPlacement')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={760}>
                  <Table striped verticalSpacing="sm" data-testid="host-placements">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('person.name')}</Table.Th>
                        <Table.Th>{t('enrollment.cohort')}</Table.Th>
                        <Table.Th>{t('placement.period')}</Table.Th>
                        <Table.Th>{t('placement.weekdays')}</Table.Th>
                        <Table.Th>{t('filters.status')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {placements.edges.map(({ node }) => (
                        <Table.Tr key={node.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`/people/${node.enrollment.person.id}`}>
                              {node.enrollment.person.fullName}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={`/cohorts/${node.enrollment.cohort.id}/placements`}>
                              {node.enrollment.cohort.label}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            {t('placement.dates', {
                              start: format.day(node.startsOn),
                              end: format.day(node.endsOn),
                            })}
                          </Table.Td>
                          <Table.Td>{weekdays.list(node.weekdays)}</Table.Td>
                          <Table.Td>
                            <PlacementStatusBadge status={node.status} />
                            {node.statusReason && (
                              <Text size="xs" c="dimmed" mt={2}>
                                {node.statusReason}
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {placements.totalCount > placements.edges.length && (
                <Text size="sm" c="dimmed">
                  {t('board.more', { shown: placements.edges.length, total: placements.totalCount })}
                </Text>
              )}
            </Stack>
            <AppModal
              opened={dialog === 'edit'}
              onClose={() => setDialog(null)}
              title={t('host.edit')}
              size="lg"
            >
              <HostForm
                trades={trades}
                host={{ id: host.id, values: hostFormFrom(host) }}
                onDone={() => setDialog(null)}
              />
            </AppModal>
            <AppModal opened={dialog === 'artisan'} onClose={() => setDialog(null)} title={t('artisan.add')}>
              <AddArtisanForm hostId={host.id} onDone={() => setDialog(null)} />
            </AppModal>
          </Stack>
        )
      }
    </QueryBoundary>
  );
}
