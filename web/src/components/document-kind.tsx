import { useT } from '../i18n/use-t';
import { isKnownDocumentKind } from '../lib/call-form';

/** A document kind in the reader's language; a kind the centre made up shows as it was typed. */
export function useDocumentKindLabel(): (kind: string) => string {
  const t = useT();
  return (kind) => (isKnownDocumentKind(kind) ? t(`documentKind.${kind}`) : kind);
}

export function DocumentKindLabel({ kind }: { kind: string }) {
  const label = useDocumentKindLabel();
  return <bdi>{label(kind)}</bdi>;
}
