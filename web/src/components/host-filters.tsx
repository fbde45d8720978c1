import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import {
  DEFAULT_HOST_LIST,
  HOST_KINDS,
  HOST_STATUSES,
  type HostListState,
  hostFilterCount,
} from '../lib/host-filter';
import { useDebouncedText } from '../lib/use-debounced-text';

/** The host list's filters; choices apply at once, typed text when typing pauses. */
export function HostFilters({
  state,
  onChange,
  trades,
}: {
  state: HostListState;
  onChange: (change: Partial<HostListState>) => void;
  trades: readonly { id: string; nameFr: string; nameAr: string }[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const [search, setSearch, flushSearch] = useDebouncedText(state.search, (value) =>
    onChange({ search: value }),
  );
  const [province, setProvince, flushProvince] = useDebouncedText(state.province, (value) =>
    onChange({ province: value }),
  );
  const enter = (flush: () => void) => (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') flush();
  };

  return (
    <Stack gap="sm" data-testid="host-filters">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
        <TextInput
          type="search"
          name="search"
          label={t('filters.search')}
          placeholder={t('hosts.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={enter(flushSearch)}
          onBlur={flushSearch}
        />
        <Select
          name="trade"
          label={t('filters.trade')}
          placeholder={t('filters.allTrades')}
          data={trades.map((trade) => ({ value: trade.id, label: localName(trade, locale) }))}
          value={state.tradeId}
          onChange={(value) => onChange({ tradeId: value })}
          clearable
        />
        <Select
          name="kind"
          label={t('host.kind')}
          placeholder={t('hosts.allKinds')}
          data={HOST_KINDS.map((kind) => ({ value: kind, label: t(`hostKind.${kind}`) }))}
          value={state.kind}
          onChange={(value) => onChange({ kind: HOST_KINDS.find((kind) => kind === value) ?? null })}
          clearable
        />
        <MultiSelect
          name="status"
          label={t('filters.status')}
          placeholder={state.status.length === 0 ? t('filters.allStatuses') : undefined}
          data={HOST_STATUSES.map((status) => ({ value: status, label: t(`hostStatus.${status}`) }))}
          value={state.status}
          onChange={(values) =>
            onChange({ status: HOST_STATUSES.filter((status) => values.includes(status)) })
          }
          clearable
        />
        <TextInput
          name="province"
          label={t('filters.province')}
          value={province}
          onChange={(event) => setProvince(event.currentTarget.value)}
          onKeyDown={enter(flushProvince)}
          onBlur={flushProvince}
        />
      </SimpleGrid>
      {hostFilterCount(state) > 0 && (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(DEFAULT_HOST_LIST)}>
            {t('filters.clear')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
