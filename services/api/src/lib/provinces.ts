/**
 * Morocco's provinces and prefectures and the twelve regions they belong to (2015 division), to
 * tell how far a host workshop is from a trainee's home. People type provinces the way they say
 * them: with or without accents, in French or in Arabic, "Fes" or "Préfecture de Fès", "Oujda" for
 * Oujda-Angad. Matching ignores case, accents, Arabic diacritics, spaces and punctuation.
 */

export interface Region {
  name: string;
  nameAr: string;
}

export interface Province {
  /** The usual French spelling, the one stored when a host's province is recognised. */
  name: string;
  nameAr: string;
  region: Region;
}

const r = (name: string, nameAr: string): Region => ({ name, nameAr });

export const REGIONS = {
  TANGER: r('Tanger-Tétouan-Al Hoceïma', 'طنجة تطوان الحسيمة'),
  ORIENTAL: r("L'Oriental", 'الشرق'),
  FES: r('Fès-Meknès', 'فاس مكناس'),
  RABAT: r('Rabat-Salé-Kénitra', 'الرباط سلا القنيطرة'),
  BENI_MELLAL: r('Béni Mellal-Khénifra', 'بني ملال خنيفرة'),
  CASABLANCA: r('Casablanca-Settat', 'الدار البيضاء سطات'),
  MARRAKECH: r('Marrakech-Safi', 'مراكش آسفي'),
  DRAA: r('Drâa-Tafilalet', 'درعة تافيلالت'),
  SOUSS: r('Souss-Massa', 'سوس ماسة'),
  GUELMIM: r('Guelmim-Oued Noun', 'كلميم واد نون'),
  LAAYOUNE: r('Laâyoune-Sakia El Hamra', 'العيون الساقية الحمراء'),
  DAKHLA: r('Dakhla-Oued Ed-Dahab', 'الداخلة وادي الذهب'),
} as const satisfies Record<string, Region>;

type RegionKey = keyof typeof REGIONS;

/** [French name, Arabic name, other spellings people use] per region. */
const BY_REGION: Record<RegionKey, [string, string, ...string[]][]> = {
  TANGER: [
    ['Tanger-Assilah', 'طنجة أصيلة', 'Tanger', 'Tangier', 'Tanger Asilah', 'Tangiers', 'طنجة'],
    ["M'diq-Fnideq", 'المضيق الفنيدق', 'Mdiq', 'Fnideq', 'Mdiq Fnidq', 'المضيق'],
    ['Tétouan', 'تطوان', 'Tetuan'],
    ['Fahs-Anjra', 'الفحص أنجرة', 'Fahs Anjra'],
    ['Larache', 'العرائش', 'Ksar El Kebir'],
    ['Al Hoceïma', 'الحسيمة', 'Al Hoceima', 'Alhucemas', 'El Hoceima'],
    ['Chefchaouen', 'شفشاون', 'Chaouen', 'Chefchaouene'],
    ['Ouezzane', 'وزان', 'Ouazzane', 'Wazzan'],
  ],
  ORIENTAL: [
    ['Oujda-Angad', 'وجدة أنكاد', 'Oujda', 'Oujda Anguad', 'وجدة'],
    ['Berkane', 'بركان'],
    ['Nador', 'الناظور'],
    ['Driouch', 'الدريوش'],
    ['Taourirt', 'تاوريرت'],
    ['Jerada', 'جرادة', 'Jrada'],
    ['Guercif', 'جرسيف', 'Guersif'],
    ['Figuig', 'فجيج', 'Bouarfa'],
  ],
  FES: [
    ['Fès', 'فاس', 'Fes', 'Fez', 'Fès-Médina', 'Fès Jdid'],
    ['Meknès', 'مكناس', 'Meknes', 'Mekness'],
    ['Sefrou', 'صفرو'],
    ['Moulay Yacoub', 'مولاي يعقوب', 'Moulay Yaacoub', 'Moulay Yakoub', 'Moulay Yaâcoub'],
    ['Taounate', 'تاونات'],
    ['Boulemane', 'بولمان', 'Boulmane'],
    ['Ifrane', 'إفران', 'Ifran'],
    ['El Hajeb', 'الحاجب', 'Hajeb'],
    ['Taza', 'تازة'],
  ],
  RABAT: [
    ['Rabat', 'الرباط'],
    ['Salé', 'سلا', 'Sale', 'Sala'],
    [
      'Skhirate-Témara',
      'الصخيرات تمارة',
      'Skhirat-Temara',
      'Témara',
      'Temara',
      'Skhirate',
      'Skhirat',
      'تمارة',
    ],
    ['Kénitra', 'القنيطرة', 'Kenitra'],
    ['Khémisset', 'الخميسات', 'Khemisset'],
    ['Sidi Kacem', 'سيدي قاسم', 'Sidi Qacem'],
    ['Sidi Slimane', 'سيدي سليمان'],
  ],
  BENI_MELLAL: [
    ['Béni Mellal', 'بني ملال', 'Beni Mellal', 'Beni-Mellal'],
    ['Azilal', 'أزيلال'],
    ['Fquih Ben Salah', 'الفقيه بن صالح', 'Fkih Ben Salah', 'Fquih Ben Saleh', 'Fkih Ben Saleh'],
    ['Khénifra', 'خنيفرة', 'Khenifra'],
    ['Khouribga', 'خريبكة'],
  ],
  CASABLANCA: [
    ['Casablanca', 'الدار البيضاء', 'Casa', 'Dar El Beida', 'Anfa', 'البيضاء'],
    ['Mohammedia', 'المحمدية', 'Mohammédia'],
    ['Nouaceur', 'النواصر'],
    ['Médiouna', 'مديونة', 'Mediouna'],
    ['Berrechid', 'برشيد'],
    ['Settat', 'سطات'],
    ['El Jadida', 'الجديدة', 'Jadida', 'Mazagan'],
    ['Benslimane', 'بنسليمان', 'Ben Slimane'],
    ['Sidi Bennour', 'سيدي بنور'],
  ],
  MARRAKECH: [
    ['Marrakech', 'مراكش', 'Marrakesh', 'Marrakech-Médina', 'Marrakech Menara'],
    ['Al Haouz', 'الحوز', 'Haouz', 'El Haouz'],
    ['Chichaoua', 'شيشاوة'],
    [
      'El Kelâa des Sraghna',
      'قلعة السراغنة',
      'El Kelaa des Sraghna',
      'Kelaa des Sraghna',
      'Kelâa des Sraghna',
    ],
    ['Essaouira', 'الصويرة', 'Mogador'],
    ['Rehamna', 'الرحامنة', 'Benguerir', 'Ben Guerir'],
    ['Safi', 'آسفي', 'Asfi'],
    ['Youssoufia', 'اليوسفية', 'Youssoufiya'],
  ],
  DRAA: [
    ['Errachidia', 'الرشيدية', 'Er-Rachidia', 'Rachidia'],
    ['Ouarzazate', 'ورزازات'],
    ['Midelt', 'ميدلت'],
    ['Tinghir', 'تنغير', 'Tinerhir'],
    ['Zagora', 'زاكورة'],
  ],
  SOUSS: [
    ['Agadir Ida-Outanane', 'أكادير إداوتنان', 'Agadir', 'Agadir Ida Ou Tanane', 'أكادير'],
    ['Inezgane-Aït Melloul', 'إنزكان أيت ملول', 'Inezgane', 'Aït Melloul', 'Ait Melloul', 'إنزكان'],
    ['Chtouka-Aït Baha', 'اشتوكة أيت باها', 'Chtouka Ait Baha', 'Biougra'],
    ['Taroudant', 'تارودانت', 'Taroudannt'],
    ['Tiznit', 'تيزنيت'],
    ['Tata', 'طاطا'],
  ],
  GUELMIM: [
    ['Guelmim', 'كلميم', 'Goulimine'],
    ['Assa-Zag', 'أسا الزاك', 'Assa Zag'],
    ['Tan-Tan', 'طانطان', 'Tantan'],
    ['Sidi Ifni', 'سيدي إفني', 'Ifni'],
  ],
  LAAYOUNE: [
    ['Laâyoune', 'العيون', 'Laayoune', 'El Aaiun', 'Layoune'],
    ['Boujdour', 'بوجدور', 'Boujador'],
    ['Tarfaya', 'طرفاية'],
    ['Es-Semara', 'السمارة', 'Smara', 'Es Semara', 'Semara'],
  ],
  DAKHLA: [
    ['Oued Ed-Dahab', 'وادي الذهب', 'Dakhla', 'Oued Eddahab', 'Ad Dakhla', 'الداخلة'],
    ['Aousserd', 'أوسرد', 'Awsard'],
  ],
};

// Words that only say what kind of division it is: "Préfecture de Fès", "إقليم صفرو", "Province d'Ifrane".
const PREFIX =
  /^(?:prefecture|province|préfecture|wilaya|ville|cercle|commune)\s+(?:de\s+la\s+|de\s+l'|de\s+|d'|du\s+|des\s+)?|^(?:عمالة|إقليم|اقليم|ولاية|جهة|مدينة)\s+/iu;

/**
 * The form two spellings of a place share: no division word, no accents or Arabic diacritics,
 * lower case, letters and digits only (so "Skhirate-Témara", "skhirat temara" and "SKHIRATETEMARA"
 * meet; "Skhirate" alone is listed as its own spelling).
 */
export function provinceKey(input: string): string {
  return input
    .trim()
    .replace(PREFIX, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ـ/g, '')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const PROVINCES = new Map<string, Province>();
for (const [key, provinces] of Object.entries(BY_REGION) as [RegionKey, [string, string, ...string[]][]][]) {
  for (const [name, nameAr, ...others] of provinces) {
    const province: Province = { name, nameAr, region: REGIONS[key] };
    for (const spelling of [name, nameAr, ...others]) {
      const known = PROVINCES.get(provinceKey(spelling));
      // Two places must never share a spelling: that would silently send trainees to the wrong one.
      if (known && known.name !== name) throw new Error(`${spelling} names both ${known.name} and ${name}`);
      PROVINCES.set(provinceKey(spelling), province);
    }
  }
}

/** Every province and prefecture once, in the order of the regions above. */
export const ALL_PROVINCES: readonly Province[] = [...new Set(PROVINCES.values())];

/** The province or prefecture a spelling names, or null for one this list does not know. */
export function findProvince(input: string | null | undefined): Province | null {
  if (!input) return null;
  return PROVINCES.get(provinceKey(input)) ?? null;
}

/** The usual spelling of a known province; anything else comes back trimmed, as typed. */
export function canonicalProvince(input: string): string {
  return findProvince(input)?.name ?? input.trim().replace(/\s+/g, ' ');
}

/** The region's French name, or null when the province is unknown. */
export function regionOf(province: string | null | undefined): string | null {
  return findProvince(province)?.region.name ?? null;
}

/**
 * 0: the same province, 1: the same region, 2: elsewhere. Unknown provinces only match themselves
 * (compared the same forgiving way); a missing province is elsewhere.
 */
export function provinceDistance(a: string | null | undefined, b: string | null | undefined): 0 | 1 | 2 {
  if (!a?.trim() || !b?.trim()) return 2;
  const pa = findProvince(a);
  const pb = findProvince(b);
  if (pa && pb) {
    if (pa === pb) return 0;
    return pa.region === pb.region ? 1 : 2;
  }
  return provinceKey(a) === provinceKey(b) ? 0 : 2;
}
