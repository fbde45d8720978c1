import type { ErrorCode } from './generated/resolvers.js';

export type Locale = 'ar-MA' | 'fr-MA';
export const LOCALES: readonly Locale[] = ['ar-MA', 'fr-MA'];

// What a person reads when an operation fails. Keep both languages complete: a test checks it.
export const ERROR_MESSAGES: Record<Locale, Record<ErrorCode, string>> = {
  'fr-MA': {
    INVALID_INPUT: 'Cette valeur n’est pas valide.',
    INVALID_EMAIL: 'Cette adresse e-mail n’est pas valide.',
    INVALID_PHONE: 'Ce numéro de téléphone n’est pas valide (ex. 06 12 34 56 78).',
    PASSWORD_TOO_SHORT: 'Le mot de passe doit contenir au moins 10 caractères.',
    INVALID_CREDENTIALS: 'Identifiant ou mot de passe incorrect.',
    CODE_INVALID: 'Ce code est incorrect.',
    CODE_EXPIRED: 'Ce code a expiré. Demandez-en un nouveau.',
    CODE_USED: 'Ce code a déjà été utilisé. Demandez-en un nouveau.',
    TOO_MANY_ATTEMPTS: 'Trop de tentatives. Réessayez dans quelques minutes.',
    UNAUTHENTICATED: 'Veuillez vous connecter.',
    SESSION_EXPIRED: 'Votre session a expiré. Veuillez vous reconnecter.',
    SESSION_REVOKED: 'Votre session a été fermée. Veuillez vous reconnecter.',
    TENANT_REQUIRED: 'Choisissez d’abord un centre.',
    NOT_A_MEMBER: 'Vous n’êtes pas membre de ce centre.',
    FORBIDDEN: 'Votre rôle ne permet pas cette action.',
    NOT_FOUND: 'Introuvable.',
    ALREADY_MEMBER: 'Cette personne a déjà ce rôle dans ce centre.',
    IDENTITY_CONFLICT: 'Cet e-mail et ce téléphone appartiennent à deux personnes différentes.',
    INTERNAL: 'Une erreur est survenue. Réessayez plus tard.',
  },
  'ar-MA': {
    INVALID_INPUT: 'هذه القيمة غير صالحة.',
    INVALID_EMAIL: 'عنوان البريد الإلكتروني غير صالح.',
    INVALID_PHONE: 'رقم الهاتف غير صالح (مثال: 06 12 34 56 78).',
    PASSWORD_TOO_SHORT: 'يجب أن تتكون كلمة المرور من 10 أحرف على الأقل.',
    INVALID_CREDENTIALS: 'المعرف أو كلمة المرور غير صحيحة.',
    CODE_INVALID: 'هذا الرمز غير صحيح.',
    CODE_EXPIRED: 'انتهت صلاحية هذا الرمز. اطلب رمزا جديدا.',
    CODE_USED: 'سبق استعمال هذا الرمز. اطلب رمزا جديدا.',
    TOO_MANY_ATTEMPTS: 'محاولات كثيرة. أعد المحاولة بعد بضع دقائق.',
    UNAUTHENTICATED: 'المرجو تسجيل الدخول.',
    SESSION_EXPIRED: 'انتهت صلاحية جلستك. المرجو تسجيل الدخول من جديد.',
    SESSION_REVOKED: 'تم إغلاق جلستك. المرجو تسجيل الدخول من جديد.',
    TENANT_REQUIRED: 'اختر مركزا أولا.',
    NOT_A_MEMBER: 'لست عضوا في هذا المركز.',
    FORBIDDEN: 'دورك لا يسمح بهذا الإجراء.',
    NOT_FOUND: 'غير موجود.',
    ALREADY_MEMBER: 'لهذا الشخص هذا الدور في هذا المركز مسبقا.',
    IDENTITY_CONFLICT: 'هذا البريد الإلكتروني وهذا الهاتف يخصان شخصين مختلفين.',
    INTERNAL: 'حدث خطأ. أعد المحاولة لاحقا.',
  },
};

/** The language to answer in: what the client asked for, else the person's own, else Arabic. */
export function pickLocale(acceptLanguage: string | undefined, userLocale?: string | null): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('fr')) return 'fr-MA';
  if (first.startsWith('ar')) return 'ar-MA';
  return userLocale === 'fr-MA' ? 'fr-MA' : 'ar-MA';
}
