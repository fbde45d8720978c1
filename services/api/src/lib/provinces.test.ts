import { describe, expect, it } from 'vitest';
import {
  ALL_PROVINCES,
  canonicalProvince,
  findProvince,
  provinceDistance,
  provinceKey,
  REGIONS,
  regionOf,
} from './provinces.js';

describe('provinces', () => {
  it.each([
    ['Fès', 'Fès-Meknès'],
    ['Fes', 'Fès-Meknès'],
    ['Sefrou', 'Fès-Meknès'],
    ['Moulay Yacoub', 'Fès-Meknès'],
    ['Taounate', 'Fès-Meknès'],
    ['Boulemane', 'Fès-Meknès'],
    ['Meknès', 'Fès-Meknès'],
    ['Ifrane', 'Fès-Meknès'],
    ['El Hajeb', 'Fès-Meknès'],
    ['Salé', 'Rabat-Salé-Kénitra'],
    ['Rabat', 'Rabat-Salé-Kénitra'],
    ['Kénitra', 'Rabat-Salé-Kénitra'],
    ['Skhirate-Témara', 'Rabat-Salé-Kénitra'],
    ['Khémisset', 'Rabat-Salé-Kénitra'],
    ['Sidi Kacem', 'Rabat-Salé-Kénitra'],
    ['Sidi Slimane', 'Rabat-Salé-Kénitra'],
    ['Marrakech', 'Marrakech-Safi'],
    ['Al Haouz', 'Marrakech-Safi'],
    ['Chichaoua', 'Marrakech-Safi'],
    ['El Kelâa des Sraghna', 'Marrakech-Safi'],
    ['Essaouira', 'Marrakech-Safi'],
    ['Rehamna', 'Marrakech-Safi'],
    ['Safi', 'Marrakech-Safi'],
    ['Youssoufia', 'Marrakech-Safi'],
    ['Casablanca', 'Casablanca-Settat'],
    ['Mohammedia', 'Casablanca-Settat'],
    ['Nouaceur', 'Casablanca-Settat'],
    ['Médiouna', 'Casablanca-Settat'],
    ['Berrechid', 'Casablanca-Settat'],
    ['Settat', 'Casablanca-Settat'],
    ['El Jadida', 'Casablanca-Settat'],
    ['Oujda-Angad', "L'Oriental"],
    ['Oujda', "L'Oriental"],
    ['Berkane', "L'Oriental"],
    ['Nador', "L'Oriental"],
    ['Taourirt', "L'Oriental"],
    ['Jerada', "L'Oriental"],
    ['Driouch', "L'Oriental"],
    ['Guercif', "L'Oriental"],
    ['Figuig', "L'Oriental"],
    ['Tanger-Assilah', 'Tanger-Tétouan-Al Hoceïma'],
    ['Tétouan', 'Tanger-Tétouan-Al Hoceïma'],
    ['Agadir Ida-Outanane', 'Souss-Massa'],
    ['Inezgane-Aït Melloul', 'Souss-Massa'],
    ['Taroudant', 'Souss-Massa'],
    ['Ouarzazate', 'Drâa-Tafilalet'],
    ['Errachidia', 'Drâa-Tafilalet'],
    ['Béni Mellal', 'Béni Mellal-Khénifra'],
    ['Khouribga', 'Béni Mellal-Khénifra'],
    ['Guelmim', 'Guelmim-Oued Noun'],
    ['Laâyoune', 'Laâyoune-Sakia El Hamra'],
    ['Dakhla', 'Dakhla-Oued Ed-Dahab'],
  ])('%s is in %s', (province, region) => {
    expect(regionOf(province)).toBe(region);
  });

  it('ignores case, accents, punctuation, Arabic diacritics and the division word', () => {
    for (const spelling of ['FES', 'fès', ' Fez ', 'Préfecture de Fès', 'فاس', 'عمالة فاس']) {
      expect(findProvince(spelling)?.name).toBe('Fès');
    }
    for (const spelling of ['skhirat temara', 'SKHIRATE TÉMARA', 'Témara', 'الصخيرات - تمارة']) {
      expect(findProvince(spelling)?.name).toBe('Skhirate-Témara');
    }
    expect(findProvince('el kelaa des sraghna')?.name).toBe('El Kelâa des Sraghna');
    expect(findProvince('Province de Sefrou')?.name).toBe('Sefrou');
    expect(findProvince('إقليم صفرو')?.name).toBe('Sefrou');
    expect(findProvince('أكادير')?.name).toBe('Agadir Ida-Outanane');
    expect(findProvince('اكادير')?.name).toBe('Agadir Ida-Outanane');
    expect(findProvince('Atlantis')).toBeNull();
    expect(findProvince('')).toBeNull();
    expect(findProvince(null)).toBeNull();
    expect(regionOf('Atlantis')).toBeNull();
  });

  it('knows every region and spells each province once', () => {
    expect(Object.keys(REGIONS)).toHaveLength(12);
    expect(new Set(ALL_PROVINCES.map((p) => p.region)).size).toBe(12);
    // 75 provinces and prefectures (2015 division).
    expect(ALL_PROVINCES).toHaveLength(75);
    const keys = ALL_PROVINCES.map((p) => provinceKey(p.name));
    expect(new Set(keys).size).toBe(keys.length);
    for (const province of ALL_PROVINCES) {
      expect(findProvince(province.name)).toBe(province);
      expect(findProvince(province.nameAr)).toBe(province);
    }
  });

  it('gives the usual spelling of a known province and keeps anything else as typed', () => {
    expect(canonicalProvince('sale')).toBe('Salé');
    expect(canonicalProvince(' Oujda ')).toBe('Oujda-Angad');
    expect(canonicalProvince('  Douar   Ouled Ali ')).toBe('Douar Ouled Ali');
  });

  it('measures distance: 0 same province, 1 same region, 2 elsewhere', () => {
    expect(provinceDistance('Fès', 'fes')).toBe(0);
    expect(provinceDistance('Fès', 'فاس')).toBe(0);
    expect(provinceDistance('Oujda', 'Oujda-Angad')).toBe(0);
    expect(provinceDistance('Fès', 'Sefrou')).toBe(1);
    expect(provinceDistance('Salé', 'Kénitra')).toBe(1);
    expect(provinceDistance('Marrakech', 'El Kelaa des Sraghna')).toBe(1);
    expect(provinceDistance('Fès', 'Salé')).toBe(2);
    expect(provinceDistance('Casablanca', 'Oujda')).toBe(2);
    // Unknown places only match themselves.
    expect(provinceDistance('Douar Ouled Ali', 'douar ouled-ali')).toBe(0);
    expect(provinceDistance('Douar Ouled Ali', 'Fès')).toBe(2);
    expect(provinceDistance('Atlantis', 'Lemuria')).toBe(2);
    expect(provinceDistance('Fès', null)).toBe(2);
    expect(provinceDistance('', '')).toBe(2);
  });
});
