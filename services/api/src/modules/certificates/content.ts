import type { CertificateRow } from '../../db/rows.js';

/**
 * What a certificate says, frozen when it is issued (certificate.content): renaming the person,
 * the programme or the centre later does not change a document already handed out, and the PDF
 * can be rendered again identically from this alone.
 */
export interface CertificateContent {
  holderNameLatin: string;
  holderNameAr: string | null;
  centreName: string;
  centreNameAr: string | null;
  tradeFr: string;
  tradeAr: string;
  programmeFr: string;
  programmeAr: string;
  cohortLabel: string;
  startsOn: string;
  endsOn: string;
  graduatedOn: string;
  /** Hours attended, from the attendance ledger on the day of issue. */
  theoryHours: number;
  practiceHours: number;
}

export function contentOf(row: Pick<CertificateRow, 'content'>): CertificateContent {
  return row.content as unknown as CertificateContent;
}

/** The public page a certificate's QR code opens. */
export const verificationUrl = (publicUrl: string, serial: string) =>
  `${publicUrl}/verify/${encodeURIComponent(serial)}`;
