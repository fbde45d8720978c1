import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type FragmentType, graphql, readFragment } from '../gql';
import { isolate } from '../i18n/isolate';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';

export const DuplicateWarningPossibleDuplicateFragment = graphql(`
  fragment DuplicateWarning_PossibleDuplicateFragment on PossibleDuplicate {
    reason
    person {
      id
      fullName
      birthDate
      cin
      phone
    }
  }
`);

/**
 * The API found records that look like the same human: the person chooses one of them (nothing
 * new is created) or confirms that this is someone else.
 */
export function DuplicateWarning(props: {
  duplicates: FragmentType<typeof DuplicateWarningPossibleDuplicateFragment>[];
  /** Absent where the records are only shown (editing: open one from its name). */
  onUse?: (personId: string) => void;
  /** Absent where nothing can be created anyway (editing: the API never saves a look-alike). */
  onCreateAnyway?: () => void;
  busy: boolean;
  /** The label of "use this record" (apply with it, or merge it). */
  useLabel?: string;
  /** The label of "create anyway" (or "register anyway"). */
  createAnywayLabel?: string;
  body?: string;
}) {
  const duplicates = readFragment(DuplicateWarningPossibleDuplicateFragment, props.duplicates);
  const t = useT();
  const format = useCentreFormatters();
  return (
    <Alert color="yellow" variant="light" title={t('duplicates.title')} role="alert" data-testid="duplicates">
      <Stack gap="sm">
        <Text size="sm">{props.body ?? t('duplicates.body')}</Text>
        {duplicates.map(({ person, reason }) => (
          <Group key={person.id} justify="space-between" wrap="wrap" gap="xs" data-testid="duplicate">
            <div>
              <Anchor component={Link} to={`/people/${person.id}`} fw={600} target="_blank">
                {person.fullName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {[t(`duplicates.reason.${reason}`), format.day(person.birthDate), person.cin, person.phone]
                  .filter(Boolean)
                  .map((part) => isolate(part ?? ''))
                  .join(' · ')}
              </Text>
            </div>
            {props.onUse && (
              <Button
                size="xs"
                variant="default"
                onClick={() => props.onUse?.(person.id)}
                disabled={props.busy}
              >
                {props.useLabel ?? t('duplicates.use')}
              </Button>
            )}
          </Group>
        ))}
        {props.onCreateAnyway && (
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCreateAnyway} loading={props.busy}>
              {props.createAnywayLabel ?? t('duplicates.createAnyway')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
