import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useT } from '../i18n/use-t';

/**
 * A dialog as every page uses it: its close button named for screen readers, and the whole
 * screen on a phone, where a centred box leaves no room for a form.
 */
export function AppModal(props: ModalProps) {
  const t = useT();
  const phone = useMediaQuery('(max-width: 36em)');
  return <Modal fullScreen={phone} closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}
