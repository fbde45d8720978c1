import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { localName } from '../i18n/local-name';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { HOST_KINDS } from '../lib/host-filter';
import { checkHostForm, EMPTY_HOST, HOST_FIELDS, type HostFormValues, toHostInput } from '../lib/host-form';
import { numberOrEmpty } from '../lib/number-input';
import { useFocusFirstError } from '../lib/use-focus-first-error';
import { FormErrors } from './form-errors';
import { mutationErrors, NO_ERRORS, type SplitErrors } from './user-errors';

const CreateHostMutation = graphql(`
  mutation CreateHost($input: CreateHostInput!) {
    createHost(input: $input) {
      host {
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

const UpdateHostMutation = graphql(`
  mutation UpdateHost($input: UpdateHostInput!) {
    updateHost(input: $input) {
      host {
        id
        kind
        name
        nameAr
        capacity
        address
        province
        contactName
        contactPhone
        trade {
          id
          nameFr
          nameAr
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

interface Trade {
  id: string;
  nameFr: string;
  nameAr: string;
}

/**
 * A new host, or the fields of an existing one. The API refuses a capacity below the trainees
 * already confirmed on a coming day (HOST_FULL) and recognises provinces however they are typed.
 */
export function HostForm({
  trades,
  host,
  onDone,
}: {
  trades: readonly Trade[];
  /** Set to edit that host; absent to create one. */
  host?: { id: string; values: HostFormValues };
  onDone: (hostId: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [values, setValues] = useState<HostFormValues>(host?.values ?? EMPTY_HOST);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [createState, create] = useMutation(CreateHostMutation);
  const [updateState, update] = useMutation(UpdateHostMutation);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const set = <F extends keyof HostFormValues>(field: F, value: HostFormValues[F]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const fieldError = (field: keyof HostFormValues) => {
    const id = errors.byField[field];
    return id ? t(id) : undefined;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = checkHostForm(values);
    if (Object.keys(missing).length > 0) return setErrors({ byField: missing, general: [] });
    setErrors(NO_ERRORS);
    const input = toHostInput(values);
    if (host) {
      const result = await update({ input: { id: host.id, host: input } });
      const problems = mutationErrors(result.data?.updateHost, result.error, HOST_FIELDS);
      if (problems) return setErrors(problems);
      onDone(host.id);
    } else {
      const result = await create({ input: { host: input } });
      const payload = result.data?.createHost;
      const problems = mutationErrors(payload, result.error, HOST_FIELDS);
      if (problems) return setErrors(problems);
      if (payload?.host) onDone(payload.host.id);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={formRef} data-testid="host-form">
      <Stack>
        <FormErrors ids={errors.general} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            name="kind"
            label={t('host.kind')}
            required
            data={HOST_KINDS.map((kind) => ({ value: kind, label: t(`hostKind.${kind}`) }))}
            value={values.kind || null}
            onChange={(value) =>
              set('kind', (HOST_KINDS.find((k) => k === value) ?? '') as HostFormValues['kind'])
            }
            error={fieldError('kind')}
          />
          <Select
            name="tradeId"
            label={t('host.trade')}
            required
            data={trades.map((trade) => ({ value: trade.id, label: localName(trade, locale) }))}
            value={values.tradeId || null}
            onChange={(value) => set('tradeId', value ?? '')}
            error={fieldError('tradeId')}
          />
        </SimpleGrid>
        <TextInput
          name="name"
          label={t('host.name')}
          description={t('host.nameHelp')}
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={fieldError('name')}
        />
        <TextInput
          name="nameAr"
          label={t('host.nameAr')}
          description={t('host.nameArHelp')}
          dir="rtl"
          lang="ar"
          value={values.nameAr}
          onChange={(e) => set('nameAr', e.currentTarget.value)}
          error={fieldError('nameAr')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            name="capacity"
            label={t('host.capacity')}
            description={t('host.capacityHelp')}
            required
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={values.capacity}
            onChange={(value) => set('capacity', numberOrEmpty(value))}
            error={fieldError('capacity')}
          />
          <TextInput
            name="province"
            label={t('host.province')}
            required
            value={values.province}
            onChange={(e) => set('province', e.currentTarget.value)}
            error={fieldError('province')}
          />
        </SimpleGrid>
        <TextInput
          name="address"
          label={t('host.address')}
          value={values.address}
          onChange={(e) => set('address', e.currentTarget.value)}
          error={fieldError('address')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            name="contactName"
            label={t('host.contactName')}
            value={values.contactName}
            onChange={(e) => set('contactName', e.currentTarget.value)}
            error={fieldError('contactName')}
          />
          <TextInput
            name="contactPhone"
            type="tel"
            dir="ltr"
            label={t('host.contactPhone')}
            placeholder={t('signIn.phone.placeholder')}
            value={values.contactPhone}
            onChange={(e) => set('contactPhone', e.currentTarget.value)}
            error={fieldError('contactPhone')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={createState.fetching || updateState.fetching}>
            {host ? t('common.save') : t('host.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
