import { useT } from '../i18n/use-t';

/** A follow-up wave as the work list and the integration dashboard say it: « +6 months », or « at graduation » for the first one. */
export function useWaveLabel() {
  const t = useT();
  return (months: number) => (months === 0 ? t('followUp.wave0') : t('followUp.waveMonths', { months }));
}
