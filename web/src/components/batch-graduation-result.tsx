import { CloseButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { GraduationBlockerCode } from '../gql/graphql';
import { useT } from '../i18n/use-t';
import { GraduationBlockers } from './graduation-blockers';

export interface BatchResult {
  graduated: number;
  blocked: number;
  results: readonly {
    enrollment: { id: string; person: { fullName: string } };
    graduation?: { id: string } | null;
    blockers: readonly { code: GraduationBlockerCode; required?: number | null; actual?: number | null }[];
  }[];
}

/** After graduating a cohort: how many graduated, and for each one who did not, what blocks them. */
export function BatchGraduationResult({ result, onClose }: { result: BatchResult; onClose: () => void }) {
  const t = useT();
  const graduated = result.results.filter((r) => r.graduation);
  const blocked = result.results.filter((r) => !r.graduation);
  return (
    // White, with a coloured edge: the blockers' red text stays readable (4.5:1).
    <Paper
      withBorder
      p="md"
      style={{ borderColor: `var(--mantine-color-${result.blocked > 0 ? 'orange-8' : 'teal-8'})` }}
      role="status"
      data-testid="batch-result"
      data-graduated={result.graduated}
      data-blocked={result.blocked}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>
            {t('graduation.batchSummary', { graduated: result.graduated, blocked: result.blocked })}
          </Text>
          <CloseButton onClick={onClose} aria-label={t('common.close')} />
        </Group>
        {graduated.length > 0 && (
          <Text size="sm">
            {t('graduation.batchGraduated', {
              names: graduated.map((r) => r.enrollment.person.fullName).join(', '),
            })}
          </Text>
        )}
        {blocked.length > 0 && (
          <List spacing="xs" listStyleType="none" data-testid="batch-blocked">
            {blocked.map((r) => (
              <List.Item
                key={r.enrollment.id}
                data-testid="batch-blocked-trainee"
                data-enrollment={r.enrollment.id}
              >
                <Text fw={600} size="sm">
                  {r.enrollment.person.fullName}
                </Text>
                <GraduationBlockers blockers={r.blockers} />
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
