import type { CertificateRow } from '../../db/rows.js';
import type { Context } from '../../graphql/context.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import { contentOf, verificationUrl } from './content.js';
import * as certificates from './service.js';

export const Query: QueryResolvers = {
  verifyCertificate: (_root, { serial }, ctx) => certificates.verifyCertificate(ctx, serial),
  certificate: (_root, { id }, ctx) => certificates.getCertificate(ctx, id),
  myCertificates: (_root, _args, ctx) => certificates.myCertificates(ctx),
  cohortCertificates: (_root, { cohortId }, ctx) => certificates.cohortCertificates(ctx, cohortId),
  certificatePdf: (_root, { id }, ctx) => certificates.certificatePdf(ctx, id),
};

export const Mutation: MutationResolvers = {
  revokeCertificate: (_root, { input }, ctx) =>
    toPayload(ctx, () => certificates.revokeCertificate(ctx, input)),
};

// What the certificate says comes from its frozen content; graduation and person are loaders.
export const Certificate = {
  status: (row: CertificateRow) => (row.revoked_at ? 'REVOKED' : 'VALID'),
  issuedOn: (row: CertificateRow) => row.issued_on,
  holderNameLatin: (row: CertificateRow) => contentOf(row).holderNameLatin,
  holderNameAr: (row: CertificateRow) => contentOf(row).holderNameAr,
  centreName: (row: CertificateRow) => contentOf(row).centreName,
  centreNameAr: (row: CertificateRow) => contentOf(row).centreNameAr,
  tradeFr: (row: CertificateRow) => contentOf(row).tradeFr,
  tradeAr: (row: CertificateRow) => contentOf(row).tradeAr,
  programmeFr: (row: CertificateRow) => contentOf(row).programmeFr,
  programmeAr: (row: CertificateRow) => contentOf(row).programmeAr,
  cohortLabel: (row: CertificateRow) => contentOf(row).cohortLabel,
  startsOn: (row: CertificateRow) => contentOf(row).startsOn,
  endsOn: (row: CertificateRow) => contentOf(row).endsOn,
  graduatedOn: (row: CertificateRow) => contentOf(row).graduatedOn,
  theoryHours: (row: CertificateRow) => contentOf(row).theoryHours,
  practiceHours: (row: CertificateRow) => contentOf(row).practiceHours,
  verificationUrl: (row: CertificateRow, _args: unknown, ctx: Context) =>
    verificationUrl(ctx.deps.config.publicUrl, row.serial),
  pdfReady: (row: CertificateRow) => row.pdf_rendered_at !== null,
  revokedAt: (row: CertificateRow) => row.revoked_at,
  revokedReason: (row: CertificateRow) => row.revoked_reason,
};
