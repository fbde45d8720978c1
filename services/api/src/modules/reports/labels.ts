import type { OutcomeStatus } from '../../graphql/generated/resolvers.js';

// The words of the foundation's activity report, French and Arabic, shared by the CSV, XLSX and
// PDF files so that the three say the same thing.

export type Bilingual = readonly [fr: string, ar: string];

export const STATUS_LABELS: Record<OutcomeStatus, Bilingual> = {
  HOST_COMPANY: ['Placés en entreprise', 'الإدماج في مقاولة'],
  COOPERATIVE: ['Placés en coopérative', 'الإدماج في تعاونية'],
  SELF_EMPLOYED: ['Auto-emploi', 'التشغيل الذاتي'],
  CREATED_COOPERATIVE: ['Création d’une coopérative', 'إحداث تعاونية'],
  CREATED_ACTIVITY: ['Création d’une activité', 'إحداث نشاط خاص'],
  FURTHER_TRAINING: ['Formation spécialisée supérieure', 'متابعة تكوين تخصصي عال'],
  SEEKING: ['En recherche d’emploi', 'في طور البحث عن عمل'],
  UNREACHABLE: ['Injoignables', 'تعذر الاتصال بهم'],
};

export const TITLE: Bilingual = ['Rapport d’activité', 'التقرير السنوي للأنشطة'];
export const TRAINING_YEAR: Bilingual = ['Année de formation', 'سنة التكوين'];

export const SUMMARY = {
  title: ['Synthèse par centre', 'ملخص حسب المركز'] as Bilingual,
  columns: [
    ['Centre', 'المركز'],
    ['Stagiaires', 'المتدربون'],
    ['Femmes', 'منهم نساء'],
    ['Formés au centre', 'تكوين داخل المركز'],
    ['Formés hors du centre', 'تكوين خارج المركز'],
    ['Lauréats', 'الخريجون'],
    ['Lauréates', 'منهم خريجات'],
    ['Enquêtés', 'المستجوبون'],
    ['Injoignables', 'تعذر الاتصال بهم'],
    ['Joints', 'تم الاتصال بهم'],
    ['Insérés', 'المدمجون'],
    ['Taux d’insertion (%)', 'نسبة الإدماج (%)'],
  ] as Bilingual[],
};

export const TRADES = {
  title: ['Stagiaires par métier', 'المتدربون حسب الحرفة'] as Bilingual,
  columns: [
    ['Centre', 'المركز'],
    ['Métier', 'الحرفة'],
    ['Stagiaires', 'المتدربون'],
    ['Femmes', 'منهم نساء'],
    ['Lauréats', 'الخريجون'],
    ['Part des stagiaires (%)', 'النسبة من المتدربين (%)'],
  ] as Bilingual[],
};

export const OUTCOMES = {
  title: ['Devenir des lauréats', 'وضعية الخريجين'] as Bilingual,
  lead: [
    ['Centre', 'المركز'],
    ['Lauréats', 'الخريجون'],
    ['Non enquêtés', 'لم يتم استجوابهم'],
  ] as Bilingual[],
  rate: ['Taux d’insertion (%)', 'نسبة الإدماج (%)'] as Bilingual,
};

export const DEFINITIONS: Bilingual = [
  'Année de formation N : promotions commençant en N. Taux d’insertion = insérés ÷ lauréats joints (enquêtés moins injoignables), à la dernière vague de suivi renseignée ; les injoignables sont comptés à part.',
  'سنة التكوين N: الأفواج التي تبدأ خلال N. نسبة الإدماج = المدمجون ÷ الخريجون الذين تم الاتصال بهم (المستجوبون ناقص من تعذر الاتصال بهم)، حسب آخر مرحلة تتبع مسجلة؛ ويحتسب من تعذر الاتصال بهم على حدة.',
];
