import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useApi } from '../api/api-provider';
import { graphql } from '../gql';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { FormErrors } from './form-errors';
import { requestErrorId, type SplitErrors, splitUserErrors } from './user-errors';

const SignInWithPasswordMutation = graphql(`
  mutation SignInWithPassword($input: SignInWithPasswordInput!) {
    signInWithPassword(input: $input) {
      user {
        id
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const FIELDS = ['identifier', 'password'] as const;
const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

export function PasswordSignInForm() {
  const t = useT();
  const api = useApi();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, signIn] = useMutation(SignInWithPasswordMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<string, MessageId>> = {};
    if (!identifier.trim()) missing.identifier = 'signIn.required';
    if (!password) missing.password = 'signIn.required';
    if (Object.keys(missing).length > 0) return setErrors({ byField: missing, general: [] });
    setErrors(NO_ERRORS);
    const result = await signIn({ input: { identifier: identifier.trim(), password } });
    const payload = result.data?.signInWithPassword;
    if (!payload) return setErrors({ byField: {}, general: [requestErrorId(result.error ?? {})] });
    if (payload.errors.length > 0 || !payload.user) return setErrors(splitUserErrors(payload.errors, FIELDS));
    api.signedIn();
  };

  const fieldError = (field: (typeof FIELDS)[number]) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormErrors ids={errors.general} />
        <TextInput
          name="identifier"
          label={t('signIn.identifier.label')}
          placeholder={t('signIn.identifier.placeholder')}
          autoComplete="username"
          // E-mail addresses and phone numbers read left to right, in Arabic too.
          dir="ltr"
          size="md"
          value={identifier}
          onChange={(e) => setIdentifier(e.currentTarget.value)}
          error={fieldError('identifier')}
        />
        <PasswordInput
          name="password"
          label={t('signIn.password.label')}
          autoComplete="current-password"
          size="md"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError('password')}
        />
        <Button type="submit" size="md" loading={state.fetching}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
