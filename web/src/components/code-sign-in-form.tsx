import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { useApi } from '../api/api-provider';
import { graphql } from '../gql';
import { isolate } from '../i18n/isolate';
import { useT } from '../i18n/use-t';
import { FormErrors } from './form-errors';
import { requestErrorId, type SplitErrors, splitUserErrors } from './user-errors';

const RequestSignInCodeMutation = graphql(`
  mutation RequestSignInCode($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input) {
      expiresAt
      errors {
        code
        field
        message
      }
    }
  }
`);

const SignInWithCodeMutation = graphql(`
  mutation SignInWithCode($input: SignInWithCodeInput!) {
    signInWithCode(input: $input) {
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

const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

/** For people who have only a phone: first the number, then the six digits the SMS brings. */
export function CodeSignInForm() {
  const t = useT();
  const api = useApi();
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [requestState, requestCode] = useMutation(RequestSignInCodeMutation);
  const [signInState, signIn] = useMutation(SignInWithCodeMutation);
  const fieldError = (field: string) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };

  const sendCode = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!phone.trim()) return setErrors({ byField: { phone: 'signIn.required' }, general: [] });
    setErrors(NO_ERRORS);
    const result = await requestCode({ input: { phone: phone.trim() } });
    const payload = result.data?.requestSignInCode;
    if (!payload) return setErrors({ byField: {}, general: [requestErrorId(result.error ?? {})] });
    if (payload.errors.length > 0) return setErrors(splitUserErrors(payload.errors, ['phone']));
    setCode('');
    setStep('code');
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return setErrors({ byField: { code: 'signIn.required' }, general: [] });
    setErrors(NO_ERRORS);
    const result = await signIn({ input: { phone: phone.trim(), code: code.trim() } });
    const payload = result.data?.signInWithCode;
    if (!payload) return setErrors({ byField: {}, general: [requestErrorId(result.error ?? {})] });
    if (payload.errors.length > 0 || !payload.user) {
      // A phone error here means the number itself is wrong: go back to it.
      const split = splitUserErrors(payload.errors, ['code', 'phone']);
      if (split.byField.phone) setStep('phone');
      return setErrors(split);
    }
    api.signedIn();
  };

  if (step === 'phone') {
    return (
      <form onSubmit={sendCode} noValidate>
        <Stack>
          <FormErrors ids={errors.general} />
          <TextInput
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            size="lg"
            label={t('signIn.phone.label')}
            placeholder={t('signIn.phone.placeholder')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldError('phone')}
          />
          <Button type="submit" size="lg" loading={requestState.fetching}>
            {t('signIn.code.request')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={submitCode} noValidate>
      <Stack>
        <Text>{t('signIn.code.sentTo', { phone: isolate(phone.trim()) })}</Text>
        <FormErrors ids={errors.general} />
        <TextInput
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          dir="ltr"
          size="lg"
          label={t('signIn.code.label')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
          error={fieldError('code')}
          styles={{ input: { letterSpacing: '0.4em', textAlign: 'center', fontSize: 24 } }}
          data-autofocus
        />
        <Button type="submit" size="lg" loading={signInState.fetching}>
          {t('signIn.code.submit')}
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" onClick={() => setStep('phone')}>
            {t('signIn.code.changePhone')}
          </Anchor>
          <Anchor component="button" type="button" onClick={() => sendCode()}>
            {t('signIn.code.resend')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
