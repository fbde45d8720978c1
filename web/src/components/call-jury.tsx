import { Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentType, graphql, readFragment } from '../gql';
import { useCentreFormatters } from '../i18n/use-formatters';
import { useT } from '../i18n/use-t';
import { useFocusFirstError } from '../lib/use-focus-first-error';
import { AppModal } from './app-modal';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

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
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [removeState, remove] = useMutation(RemoveJurorMutation);
  const [removeErrors, setRemoveErrors] = useState<SplitErrors>(NO_ERRORS);

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
                        onClick={() => {
                          setRemoveErrors(NO_ERRORS);
                          setRemoving({ id: juror.id, name: juror.user.displayName });
                        }}
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
      <AppModal opened={!!removing} onClose={() => setRemoving(null)} title={t('jury.remove')}>
        <Stack>
          <Text>{t('jury.removeConfirm', { name: removing?.name ?? '' })}</Text>
          <FormErrors ids={removeErrors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={removeState.fetching}
              onClick={async () => {
                if (!removing) return;
                const result = await remove({ input: { jurorId: removing.id } });
                const problems = mutationErrors(result.data?.removeJuror, result.error, []);
                if (problems) return setRemoveErrors(problems);
                setRemoving(null);
              }}
            >
              {t('jury.remove')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}

function AddJurorForm({ callId }: { callId: string }) {
  const t = useT();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [added, setAdded] = useState<string | null>(null);
  const [state, add] = useMutation(AddJurorMutation);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const err = (field: string) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const byField: SplitErrors['byField'] = {};
    if (!displayName.trim()) byField.displayName = 'errors.REQUIRED';
    if (!email.trim()) byField.email = 'errors.REQUIRED';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) byField.email = 'errors.INVALID_EMAIL';
    if (Object.keys(byField).length > 0) return setErrors({ byField, general: [] });
    const result = await add({ input: { callId, displayName: displayName.trim(), email: email.trim() } });
    const problems = mutationErrors(result.data?.addJuror, result.error, ADD_FIELDS);
    if (problems) return setErrors(problems);
    setErrors(NO_ERRORS);
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
