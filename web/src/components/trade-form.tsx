import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const CreateTradeMutation = graphql(`
  mutation CreateTrade($input: CreateTradeInput!) {
    createTrade(input: $input) {
      trade {
        id
        code
        nameFr
        nameAr
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const FIELDS = ['code', 'nameFr', 'nameAr'] as const;

/** A trade the centre teaches: a short stable code and its name in both languages. */
export function TradeForm({ onDone }: { onDone: (tradeId: string) => void }) {
  const t = useT();
  const [values, setValues] = useState({ code: '', nameFr: '', nameAr: '' });
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [state, create] = useMutation(CreateTradeMutation);
  const fieldError = (field: (typeof FIELDS)[number]) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };
  const input = (field: (typeof FIELDS)[number]) => ({
    name: field,
    required: true,
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
    },
    error: fieldError(field),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<string, MessageId>> = {};
    for (const field of FIELDS) if (!values[field].trim()) missing[field] = 'errors.REQUIRED';
    if (Object.keys(missing).length > 0) return setErrors({ byField: missing, general: [] });
    setErrors(NO_ERRORS);
    const result = await create({
      input: {
        code: values.code.trim().toUpperCase(),
        nameFr: values.nameFr.trim(),
        nameAr: values.nameAr.trim(),
      },
    });
    const payload = result.data?.createTrade;
    const problems = mutationErrors(payload, result.error, FIELDS);
    if (problems) return setErrors(problems);
    if (payload?.trade) onDone(payload.trade.id);
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="trade-form">
      <Stack>
        <FormErrors ids={errors.general} />
        <TextInput {...input('code')} label={t('trade.code')} description={t('trade.codeHelp')} dir="ltr" />
        <TextInput {...input('nameFr')} label={t('trade.nameFr')} lang="fr" dir="ltr" />
        <TextInput {...input('nameAr')} label={t('trade.nameAr')} lang="ar" dir="rtl" />
        <Group justify="flex-end">
          <Button type="submit" loading={state.fetching}>
            {t('trade.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
