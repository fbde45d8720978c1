// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PERSON,
  isCalendarDay,
  personFormFrom,
  personMutationErrors,
  toPersonInput,
} from './person-form';

describe('toPersonInput', () => {
  it('sends trimmed values, empty optional fields as null', () => {
    const { input, errors } = toPersonInput({
      ...EMPTY_PERSON,
      firstNameLatin: ' Amina ',
      lastNameLatin: 'Benali',
      firstNameAr: '  ',
      sex: 'F',
      birthDate: '2009-03-14',
      cin: ' ab123456 ',
      schoolLevel: 'MIDDLE',
    });
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      firstNameLatin: 'Amina',
      firstNameAr: null,
      cin: 'ab123456',
      schoolLevel: 'MIDDLE',
      hasDisability: false,
      guardianName: null,
    });
  });

  it('stops only what GraphQL would refuse, naming the field', () => {
    expect(toPersonInput(EMPTY_PERSON)).toEqual({
      input: null,
      errors: {
        firstNameLatin: 'errors.REQUIRED',
        lastNameLatin: 'errors.REQUIRED',
        sex: 'errors.REQUIRED',
        birthDate: 'errors.REQUIRED',
      },
    });
    const bad = toPersonInput({
      ...EMPTY_PERSON,
      firstNameLatin: 'A',
      lastNameLatin: 'B',
      sex: 'M',
      birthDate: '2009-02-30',
    });
    expect(bad.errors).toEqual({ birthDate: 'errors.INVALID_DATE' });
  });

  it('fills the edit form from a stored person', () => {
    expect(personFormFrom({ firstNameLatin: 'Amina', sex: 'F', cin: null, hasDisability: true })).toEqual({
      ...EMPTY_PERSON,
      firstNameLatin: 'Amina',
      sex: 'F',
      hasDisability: true,
    });
  });

  it('knows a calendar day', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    expect(isCalendarDay('14/03/2009')).toBe(false);
  });
});

describe('personMutationErrors', () => {
  it('says that another record holds the CIN, under the CIN field', () => {
    const split = personMutationErrors(
      {
        errors: [
          { code: 'CIN_TAKEN', field: 'cin' },
          { code: 'INVALID_PHONE', field: 'phone' },
        ],
      },
      undefined,
    );
    expect(split?.byField).toEqual({ cin: 'errors.CIN_TAKEN', phone: 'errors.INVALID_PHONE' });
    expect(personMutationErrors({ errors: [] }, undefined)).toBeNull();
  });
});
