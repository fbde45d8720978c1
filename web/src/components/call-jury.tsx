import { Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { ConfirmDialog } from './form-dialog';
import { FormErrors } from './form-errors';
import { useMutationDialog } from './use-mutation-dialog';
import { useMutationForm } from './use-mutation-form';
import type { SplitErrors } from './user-errors';

export const CallJuryJurorFragment = graphql(`
  fragment CallJury_CallJurorFragment on CallJuror {
    id
    submittedCount
    conflictCount
    pendingCount
    user {
      id
      displayName
      email
      phone
    }
  }
`);

const AddJurorMutation = graphql(`
  mutation AddJuror($input: AddJurorInput!) {
    addJuror(input: $input) {
      call {
        id
        jurors {
          ...CallJury_CallJurorFragment
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

const RemoveJurorMutation = graphql(`
  mutation RemoveJuror($input: RemoveJurorInput!) {
    removeJuror(input: $input) {
      call {
        id
        jurors {
          ...CallJury_CallJurorFragment
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

const ADD_FIELDS = ['displayName', 'email', 'phone'];

/**
 * The jury and how far each juror has got: submitted, conflicts declared, still to score. Staff
 * name a juror by name and e-mail (an outside expert gets a juror's membership).
 */
export function CallJury(props: {
  callId: string;
  jurors: readonly FragmentType<typeof CallJuryJurorFragment>[];
  canWrite: boolean;
}) {
  const jurors = props.jurors.map((j) => readFragment(CallJuryJurorFragment, j));
  const t = useT();
  const format = useCentreFormatters();
  // The dialog is about one juror: asks before removing them.
  const removal = useMutationDialog<{ id: string; name: string }>();
  const [removeState, remove] = useMutation(RemoveJurorMutation);

  return (
    <Stack gap="sm">
      {jurors.length === 0 ? (
        <Text c="dimmed">{t('jury.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="jury-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jury.juror')}</Table.Th>
                <Table.Th>{t('jury.submitted')}</Table.Th>
                <Table.Th>{t('jury.conflicts')}</Table.Th>
                <Table.Th>{t('jury.pending')}</Table.Th>
                {props.canWrite && <Table.Th>{t('jury.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jurors.map((juror) => (
                <Table.Tr key={juror.id} data-testid="juror-row" data-juror={juror.user.displayName}>
                  <Table.Td>
                    <Text fw={600}>{juror.user.displayName}</Text>
                    {(juror.user.email || juror.user.phone) && (
                      <Text size="sm" c="dimmed">
                        <bdi>{juror.user.email ?? juror.user.phone}</bdi>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="juror-submitted">{format.number(juror.submittedCount)}</Table.Td>
                  <Table.Td>{format.number(juror.conflictCount)}</Table.Td>
                  <Table.Td data-testid="juror-pending">{format.number(juror.pendingCount)}</Table.Td>
                  {props.canWrite && (
                    <Table.Td>
                      <Button
                        variant="subtle"
                        color="red"
                        c="red.9"
                        size="xs"
                        onClick={() => removal.open({ id: juror.id, name: juror.user.displayName })}
                      >
                        {t('jury.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {props.canWrite && <AddJurorForm callId={props.callId} />}
      <ConfirmDialog
        dialog={removal}
        title={t('jury.remove')}
        confirmLabel={t('jury.remove')}
        color="red.9"
        fetching={removeState.fetching}
        onConfirm={async () => {
          if (!removal.subject) return;
          const result = await remove({ input: { jurorId: removal.subject.id } });
          removal.accepted(result.data?.removeJuror, result.error, []);
        }}
      >
        <Text>{t('jury.removeConfirm', { name: removal.subject?.name ?? '' })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}

function AddJurorForm({ callId }: { callId: string }) {
  const t = useT();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const { errors, err, formRef, refused, accepted } = useMutationForm();
  const [added, setAdded] = useState<string | null>(null);
  const [state, add] = useMutation(AddJurorMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const byField: SplitErrors['byField'] = {};
    if (!displayName.trim()) byField.displayName = 'errors.REQUIRED';
    if (!email.trim()) byField.email = 'errors.REQUIRED';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) byField.email = 'errors.INVALID_EMAIL';
    if (refused(byField)) return;
    const result = await add({ input: { callId, displayName: displayName.trim(), email: email.trim() } });
    if (!accepted(result.data?.addJuror, result.error, ADD_FIELDS)) return;
    setAdded(displayName.trim());
    setDisplayName('');
    setEmail('');
  };

  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="add-juror">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('jury.add')}
          </Title>
          <FormErrors ids={errors.general} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              name="displayName"
              label={t('jury.name')}
              required
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={err('displayName')}
            />
            <TextInput
              name="email"
              type="email"
              label={t('jury.email')}
              required
              dir="ltr"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={err('email')}
            />
          </SimpleGrid>
          {added && (
            <Text role="status" c="teal.9" data-testid="juror-added">
              {t('jury.added', { name: added })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={state.fetching}>
              {t('jury.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
