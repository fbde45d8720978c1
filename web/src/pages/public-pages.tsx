// Public pages: no session. Each lives in its own file; the app's routes load them from here.
export { FollowUpLinkPage } from './follow-up-link-page';
export { VerifyCertificatePage } from './verify-certificate-page';
