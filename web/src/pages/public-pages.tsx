import { ComingSoonPage } from './coming-soon-page';

/** /verify/:serial — public, no sign-in: what a certificate's QR code opens. */
export function VerifyCertificatePage() {
  return <ComingSoonPage section="nav.certificates" />;
}

/** /follow-up/:token — public, no sign-in: a graduate answers a follow-up wave through their one-time link. */
export function FollowUpLinkPage() {
  return <ComingSoonPage section="nav.outcomes" />;
}
