import type { HostInput, HostKind } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';

export interface HostFormValues {
  kind: HostKind | '';
  name: string;
  nameAr: string;
  tradeId: string;
  capacity: number | '';
  address: string;
  province: string;
  contactName: string;
  contactPhone: string;
}

export const HOST_FIELDS = [
  'kind',
  'name',
  'nameAr',
  'tradeId',
  'capacity',
  'address',
  'province',
  'contactName',
  'contactPhone',
] as const satisfies readonly (keyof HostFormValues)[];

export const EMPTY_HOST: HostFormValues = {
  kind: '',
  name: '',
  nameAr: '',
  tradeId: '',
  capacity: '',
  address: '',
  province: '',
  contactName: '',
  contactPhone: '',
};

export function hostFormFrom(host: {
  kind: HostKind;
  name: string;
  nameAr?: string | null;
  trade: { id: string };
  capacity: number;
  address?: string | null;
  province: string;
  contactName?: string | null;
  contactPhone?: string | null;
}): HostFormValues {
  return {
    kind: host.kind,
    name: host.name,
    nameAr: host.nameAr ?? '',
    tradeId: host.trade.id,
    capacity: host.capacity,
    address: host.address ?? '',
    province: host.province,
    contactName: host.contactName ?? '',
    contactPhone: host.contactPhone ?? '',
  };
}

/** Only what GraphQL itself would refuse, or what is plainly missing; the API checks the rest. */
export function checkHostForm(values: HostFormValues): Partial<Record<keyof HostFormValues, MessageId>> {
  const errors: Partial<Record<keyof HostFormValues, MessageId>> = {};
  if (!values.kind) errors.kind = 'errors.REQUIRED';
  if (!values.name.trim()) errors.name = 'errors.REQUIRED';
  if (!values.tradeId) errors.tradeId = 'errors.REQUIRED';
  if (values.capacity === '') errors.capacity = 'errors.REQUIRED';
  else if (!Number.isInteger(values.capacity) || values.capacity < 1)
    errors.capacity = 'errors.INVALID_INPUT';
  if (!values.province.trim()) errors.province = 'errors.REQUIRED';
  return errors;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The form as the API's HostInput (call after checkHostForm found nothing). */
export function toHostInput(values: HostFormValues): HostInput {
  return {
    kind: values.kind as HostKind,
    name: values.name.trim(),
    nameAr: orNull(values.nameAr),
    tradeId: values.tradeId,
    capacity: Number(values.capacity),
    address: orNull(values.address),
    province: values.province.trim(),
    contactName: orNull(values.contactName),
    contactPhone: orNull(values.contactPhone),
  };
}
