import QRCode from 'qrcode';
import { escapeHtml as esc } from '../../lib/pdf.js';
import type { CertificateContent } from './content.js';

/*
 * The certificate as one self-contained HTML page (A4 landscape, inline styles and SVG, nothing
 * fetched) that lib/pdf.ts prints: the French text on the left, the Arabic on the right (its own
 * dir="rtl" lang="ar" block), the serial and a QR code of the public verification page below.
 * Fonts are Debian's fonts-noto-core. Every value comes from the database and may hold anything a
 * person typed: each one goes through esc() (lib/pdf.ts's escapeHtml).
 */

/** 2025-07-15 → 15/07/2025, as Moroccan documents write a date. */
const day = (iso: string) => iso.split('-').reverse().join('/');
const hours = (value: number) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value).replace(/\u202f/g, '\u00a0');
/** A value in the other script's direction, kept whole inside the surrounding text. */
const ltr = (html: string) => `<bdi dir="ltr">${html}</bdi>`;

const STYLE = `
@page { size: A4 landscape; margin: 0 }
* { box-sizing: border-box }
html, body { margin: 0; padding: 0 }
body { font-family: 'Noto Serif', 'Noto Sans', serif; color: #1f2a33; font-size: 11pt;
  font-variant-ligatures: no-common-ligatures }
.page { width: 297mm; height: 210mm; padding: 9mm; overflow: hidden }
.frame { height: 100%; border: 1.2mm solid #8a5a2b; outline: 0.4mm solid #8a5a2b; outline-offset: -3mm;
  padding: 9mm 12mm 7mm; display: flex; flex-direction: column }
.centre { display: flex; justify-content: space-between; align-items: baseline; color: #8a5a2b; font-size: 12pt }
.columns { flex: 1; display: flex; gap: 12mm; margin-top: 6mm }
.columns > section { flex: 1 }
.ar, .ar * { font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', serif }
.ar { text-align: right; font-size: 12.5pt }
.latin { font-family: 'Noto Serif', 'Noto Sans', serif }
h1 { font-size: 24pt; margin: 0 0 5mm; color: #5b3a1a; font-weight: 700 }
.ar h1 { font-size: 26pt }
.lead { margin: 0 0 2mm }
.name { font-size: 20pt; font-weight: 700; margin: 0 0 3mm }
.programme { font-size: 14pt; font-weight: 700; margin: 0 0 5mm }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 5mm; margin: 0 }
dt { color: #5d6b75 }
dd { margin: 0 }
footer { display: flex; align-items: flex-end; justify-content: space-between; gap: 8mm;
  border-top: 0.3mm solid #c9b49c; padding-top: 4mm }
.serial { font-family: 'Noto Sans', sans-serif; font-size: 13pt; font-weight: 700 }
.verify { font-size: 9pt; color: #5d6b75 }
.qr { width: 30mm; height: 30mm; flex: none }
.qr svg { width: 100%; height: 100% }
`;

/** The QR code of `url` as inline SVG (no image file, nothing to fetch). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
}

export function certificateHtml(c: CertificateContent, serial: string, url: string, qr: string): string {
  const holderAr = c.holderNameAr ? esc(c.holderNameAr) : ltr(esc(c.holderNameLatin));
  const centreAr = c.centreNameAr ? esc(c.centreNameAr) : ltr(esc(c.centreName));
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${esc(`Certificat ${serial}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page"><div class="frame">
  <div class="centre">
    <span>${esc(c.centreName)}</span>
    <span class="ar" dir="rtl" lang="ar">${centreAr}</span>
  </div>
  <div class="columns">
    <section lang="fr" dir="ltr">
      <h1>Certificat de formation</h1>
      <p class="lead">${esc(c.centreName)} certifie que</p>
      <p class="name">${esc(c.holderNameLatin)}</p>
      <p class="lead">a accompli avec succès la formation</p>
      <p class="programme">${esc(c.programmeFr)}</p>
      <dl>
        <dt>Filière</dt><dd>${esc(c.tradeFr)}</dd>
        <dt>Promotion</dt><dd>${esc(c.cohortLabel)}</dd>
        <dt>Période</dt><dd>du ${day(c.startsOn)} au ${day(c.endsOn)}</dd>
        <dt>Théorie (au centre)</dt><dd>${hours(c.theoryHours)} heures</dd>
        <dt>Pratique (en atelier)</dt><dd>${hours(c.practiceHours)} heures</dd>
        <dt>Date de réussite</dt><dd>${day(c.graduatedOn)}</dd>
      </dl>
    </section>
    <section class="ar" dir="rtl" lang="ar">
      <h1>${esc('شهادة التكوين')}</h1>
      <p class="lead">${esc('يمنح')} ${centreAr} ${esc('هذه الشهادة إلى')}</p>
      <p class="name">${holderAr}</p>
      <p class="lead">${esc('لإتمام التكوين بنجاح في')}</p>
      <p class="programme">${esc(c.programmeAr)}</p>
      <dl>
        <dt>${esc('الشعبة')}</dt><dd>${esc(c.tradeAr)}</dd>
        <dt>${esc('الفوج')}</dt><dd>${ltr(esc(c.cohortLabel))}</dd>
        <dt>${esc('المدة')}</dt><dd>${esc('من')} ${ltr(day(c.startsOn))} ${esc('إلى')} ${ltr(day(c.endsOn))}</dd>
        <dt>${esc('التكوين النظري')}</dt><dd>${ltr(hours(c.theoryHours))} ${esc('ساعة')}</dd>
        <dt>${esc('التكوين التطبيقي')}</dt><dd>${ltr(hours(c.practiceHours))} ${esc('ساعة')}</dd>
        <dt>${esc('تاريخ النجاح')}</dt><dd>${ltr(day(c.graduatedOn))}</dd>
      </dl>
    </section>
  </div>
  <footer>
    <div>
      <div class="serial">${esc(serial)}</div>
      <div class="verify">Vérifier ce certificat · <span class="ar" lang="ar">${esc('التحقق من هذه الشهادة')}</span></div>
      <div class="verify latin">${esc(url)}</div>
    </div>
    <div class="qr">${qr}</div>
  </footer>
</div></div>
</body>
</html>`;
}
