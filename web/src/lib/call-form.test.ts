import { describe, expect, it } from 'vitest';
import { callErrorKey, checkCallForm, emptyCall, splitCallErrors, toCreateCallInput } from './call-form';

function filled() {
  const values = emptyCall();
  return {
    ...values,
    kind: 'INCUBATOR_SELECTION' as const,
    titleFr: ' Sélection de la cohorte 9 ',
    opensOn: '2027-01-05',
    closesOn: '2027-02-05',
    minAge: 18 as const,
    maxAge: 35 as const,
    requiredDocuments: ['CIN', 'BUSINESS_PLAN'],
    provinces: ['Casablanca', ' '],
    categories: [{ ...values.categories[0]!, nameFr: 'Économie sociale', places: 12 }],
    criteria: [
      { ...values.criteria[0]!, nameFr: 'Viabilité', weight: 3 },
      { ...values.criteria[0]!, key: 'k2', nameFr: 'Impact', nameAr: 'الأثر', weight: 1 },
    ],
  };
}

describe('the call set-up form', () => {
  it('sends a complete call as the API’s input, trimmed', () => {
    const values = filled();
    expect(checkCallForm(values)).toEqual({});
    expect(toCreateCallInput(values)).toEqual({
      kind: 'INCUBATOR_SELECTION',
      cohortId: null,
      titleFr: 'Sélection de la cohorte 9',
      titleAr: null,
      description: null,
      opensOn: '2027-01-05',
      closesOn: '2027-02-05',
      minAge: 18,
      maxAge: 35,
      applicantKinds: ['PERSON'],
      requiredDocuments: ['CIN', 'BUSINESS_PLAN'],
      provinces: ['Casablanca'],
      scoreMin: 0,
      scoreMax: 20,
      categories: [{ nameFr: 'Économie sociale', nameAr: null, places: 12 }],
      criteria: [
        { nameFr: 'Viabilité', nameAr: null, weight: 3 },
        { nameFr: 'Impact', nameAr: 'الأثر', weight: 1 },
      ],
    });
  });

  it('names every problem at its field, rows included', () => {
    const values = filled();
    const errors = checkCallForm({
      ...values,
      kind: '',
      closesOn: '2027-01-01',
      minAge: 40,
      applicantKinds: [],
      scoreMin: 20,
      categories: [
        { ...values.categories[0]!, places: 0 },
        { ...values.categories[0]!, key: 'k3' },
      ],
      criteria: [{ ...values.criteria[0]!, nameFr: '', weight: 0 }],
    });
    expect(errors).toEqual({
      kind: 'errors.REQUIRED',
      closesOn: 'callForm.closesBeforeOpens',
      maxAge: 'callForm.maxBelowMin',
      applicantKinds: 'callForm.chooseApplicantKind',
      scoreMax: 'callForm.maxBelowMin',
      'categories.0.places': 'errors.INVALID_INPUT',
      'categories.1.nameFr': 'callForm.sameName',
      'criteria.0.nameFr': 'errors.REQUIRED',
      'criteria.0.weight': 'errors.INVALID_INPUT',
    });
    expect(checkCallForm({ ...values, categories: [], criteria: [] })).toEqual({
      categories: 'callForm.oneCategory',
      criteria: 'callForm.oneCriterion',
    });
  });

  it('puts the API’s errors under their field, a row’s under that row', () => {
    expect(callErrorKey('input.categories[1].places')).toBe('categories.1.places');
    expect(callErrorKey('criteria.0.nameFr')).toBe('criteria.0.nameFr');
    expect(callErrorKey(null)).toBeNull();
    expect(
      splitCallErrors([
        { code: 'INVALID_DATE', field: 'closesOn' },
        { code: 'INVALID_INPUT', field: 'categories.2.nameFr' },
        { code: 'CALL_NOT_EDITABLE', field: 'id' },
        { code: 'FORBIDDEN', field: null },
      ]),
    ).toEqual({
      byField: { closesOn: 'errors.INVALID_DATE', 'categories.2.nameFr': 'errors.INVALID_INPUT' },
      general: ['errors.CALL_NOT_EDITABLE', 'errors.FORBIDDEN'],
    });
  });
});
