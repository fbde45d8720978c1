import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const AddHostArtisanMutation = graphql(`
  mutation AddHostArtisan($input: AddHostArtisanInput!) {
    addHostArtisan(input: $input) {
      host {
        id
        artisans {
          id
          displayName
          phone
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

const FIELDS = ['displayName', 'phone'] as const;

/** Gives an artisan of the host an account: they sign in with a one-time code sent to this phone. */
export function AddArtisanForm({ hostId, onDone }: { hostId: string; onDone: () => void }) {
  const t = useT();
  const [values, setValues] = useState({ displayName: '', phone: '' });
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, add] = useMutation(AddHostArtisanMutation);
  const fieldError = (field: (typeof FIELDS)[number]) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: SplitErrors = { byField: {}, general: [] };
    for (const field of FIELDS) if (!values[field].trim()) missing.byField[field] = 'errors.REQUIRED';
    if (Object.keys(missing.byField).length > 0) return setErrors(missing);
    setErrors(NO_ERRORS);
    const result = await add({
      input: { hostId, displayName: values.displayName.trim(), phone: values.phone.trim() },
    });
    const problems = mutationErrors(result.data?.addHostArtisan, result.error, FIELDS);
    if (problems) return setErrors(problems);
    onDone();
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="artisan-form">
      <Stack>
        <FormErrors ids={errors.general} />
        <TextInput
          name="displayName"
          label={t('artisan.name')}
          required
          value={values.displayName}
          onChange={(e) => setValues((v) => ({ ...v, displayName: e.currentTarget.value }))}
          error={fieldError('displayName')}
          data-autofocus
        />
        <TextInput
          name="phone"
          type="tel"
          dir="ltr"
          label={t('artisan.phone')}
          description={t('artisan.phoneHelp')}
          placeholder={t('signIn.phone.placeholder')}
          required
          value={values.phone}
          onChange={(e) => setValues((v) => ({ ...v, phone: e.currentTarget.value }))}
          error={fieldError('phone')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={state.fetching}>
            {t('artisan.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
