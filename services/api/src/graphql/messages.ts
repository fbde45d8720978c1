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
    INVALID_DATE: 'Cette date n’est pas valide (ex. 2008-09-15).',
    INVALID_CIN: 'Ce numéro de CIN n’est pas valide (ex. AB123456).',
    CIN_TAKEN: 'Une autre fiche porte déjà ce numéro de CIN : utilisez-la, ou fusionnez les deux fiches.',
    GUARDIAN_REQUIRED: 'Pour une personne de moins de 18 ans, indiquez le nom et le téléphone du tuteur.',
    CODE_TAKEN: 'Ce code est déjà utilisé dans ce centre.',
    LABEL_TAKEN: 'Ce programme a déjà une promotion avec ce nom.',
    INELIGIBLE_AGE: 'L’âge de cette personne est hors de la tranche d’âge du programme.',
    INELIGIBLE_SCHOOL_LEVEL:
      'Le niveau scolaire de cette personne est inférieur à celui que demande le programme.',
    COHORT_FULL: 'Cette promotion est complète.',
    ALREADY_ENROLLED:
      'Cette personne a déjà une candidature ou une inscription en cours dans cette promotion.',
    ILLEGAL_TRANSITION: 'Ce changement de statut n’est pas possible depuis le statut actuel.',
    REASON_REQUIRED: 'Indiquez un motif.',
    ALREADY_MERGED: 'Cette fiche a déjà été fusionnée avec une autre.',
    FILE_UNREADABLE: 'Ce fichier ne peut pas être lu. Envoyez un fichier CSV ou XLSX.',
    FILE_TOO_LARGE: 'Ce fichier est trop volumineux (10 000 lignes ou 5 Mo au plus).',
    MISSING_COLUMN: 'Une colonne obligatoire manque dans l’en-tête du fichier.',
    DUPLICATE_ROW: 'Cette ligne répète une personne déjà présente plus haut dans le fichier.',
    HOST_FULL: 'Cet atelier n’a plus de place libre sur au moins un des jours demandés.',
    HOST_NOT_ACTIVE: 'Cet atelier est en pause ou fermé : il ne prend pas de nouveau stage.',
    PLACEMENT_OVERLAP: 'Cet apprenti a déjà un stage sur une partie de ces jours.',
    NOT_ENROLLED: 'Seul un apprenti admis ou inscrit peut être placé en atelier.',
    TRADE_MISMATCH: 'Cet atelier n’enseigne pas la filière de cet apprenti.',
    OUTSIDE_COHORT_DATES: 'Ces dates sortent de la période de la promotion.',
    REQUIRED: 'Ce champ est obligatoire.',
    INTERNAL: 'Une erreur est survenue. Réessayez plus tard.',
  },
  'ar-MA': {
    INVALID_INPUT: 'هذه القيمة غير صالحة.',
    INVALID_EMAIL: 'عنوان البريد الإلكتروني غير صالح.',
    // The number is isolated left-to-right (U+2066…U+2069), or its groups come out reversed.
    INVALID_PHONE: 'رقم الهاتف غير صالح (مثال: \u206606 12 34 56 78\u2069).',
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
    INVALID_DATE: 'هذا التاريخ غير صالح (مثال: 2008-09-15).',
    INVALID_CIN: 'رقم البطاقة الوطنية غير صالح (مثال: AB123456).',
    CIN_TAKEN: 'ملف آخر يحمل رقم البطاقة الوطنية هذا: استعمله، أو ادمج الملفين.',
    GUARDIAN_REQUIRED: 'لمن هو دون 18 سنة، أدخل اسم ولي الأمر ورقم هاتفه.',
    CODE_TAKEN: 'هذا الرمز مستعمل من قبل في هذا المركز.',
    LABEL_TAKEN: 'لهذا البرنامج فوج بهذا الاسم مسبقا.',
    INELIGIBLE_AGE: 'سن هذا الشخص خارج الفئة العمرية للبرنامج.',
    INELIGIBLE_SCHOOL_LEVEL: 'المستوى الدراسي لهذا الشخص أدنى مما يشترطه البرنامج.',
    COHORT_FULL: 'هذا الفوج مكتمل.',
    ALREADY_ENROLLED: 'لهذا الشخص ترشيح أو تسجيل جار في هذا الفوج.',
    ILLEGAL_TRANSITION: 'لا يمكن هذا التغيير انطلاقا من الوضعية الحالية.',
    REASON_REQUIRED: 'المرجو ذكر السبب.',
    ALREADY_MERGED: 'سبق دمج هذا الملف في ملف آخر.',
    FILE_UNREADABLE: 'تعذرت قراءة هذا الملف. أرسل ملف CSV أو XLSX.',
    FILE_TOO_LARGE: 'هذا الملف كبير جدا (10000 سطر أو 5 ميغابايت على الأكثر).',
    MISSING_COLUMN: 'عمود إلزامي غير موجود في رأس الملف.',
    DUPLICATE_ROW: 'هذا السطر يكرر شخصا موجودا في سطر سابق من الملف.',
    HOST_FULL: 'لم يعد في هذه الورشة مكان شاغر في أحد الأيام المطلوبة على الأقل.',
    HOST_NOT_ACTIVE: 'هذه الورشة متوقفة مؤقتا أو مغلقة: لا تستقبل تداريب جديدة.',
    PLACEMENT_OVERLAP: 'لهذا المتدرب تدريب آخر في بعض هذه الأيام.',
    NOT_ENROLLED: 'لا يمكن توجيه إلا متدرب مقبول أو مسجل إلى ورشة.',
    TRADE_MISMATCH: 'هذه الورشة لا تعلم حرفة هذا المتدرب.',
    OUTSIDE_COHORT_DATES: 'هذه التواريخ خارج فترة الفوج.',
    REQUIRED: 'هذا الحقل إلزامي.',
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
