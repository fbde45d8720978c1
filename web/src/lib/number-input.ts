/**
 * What a Mantine number field holds: a number, or the text typed while it is not one yet ('' when
 * the field is empty, which a form keeps as "not given").
 */
export const numberOrEmpty = (value: string | number): number | '' =>
  typeof value === 'number' ? value : value === '' ? '' : Number(value);

/** The same, for a form that keeps an empty field as null. */
export const numberOrNull = (value: string | number): number | null => {
  const number = numberOrEmpty(value);
  return number === '' ? null : number;
};
