import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { ReportScope } from '../gql/graphql';
import { useT } from '../i18n/use-t';

/**
 * The figures a report opens on: a network admin sees the whole network unless the address asks for
 * the centre they are in; anyone else sees their centre.
 */
export function reportScopeFrom(asked: string | null, network: boolean): ReportScope {
  return network && asked !== 'TENANT' ? 'NETWORK' : 'TENANT';
}

/**
 * A network admin's choice between the figures of the whole network and those of the centre they are
 * in, under a visible label (a segmented control has none of its own).
 */
export function ReportScopeControl(props: {
  labelId: string;
  value: ReportScope;
  onChange: (value: string) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={props.labelId}>
        {t('report.scope')}
      </Text>
      <SegmentedControl
        aria-labelledby={props.labelId}
        value={props.value}
        onChange={props.onChange}
        data={[
          { value: 'NETWORK', label: t('report.scope.NETWORK') },
          { value: 'TENANT', label: t('report.scope.TENANT') },
        ]}
        data-testid={props.testId}
      />
    </Stack>
  );
}
