import { useTranslation } from 'react-i18next';
import type { Confidence, ScheduleStatus } from '../../core/rates/schema';

/** How sure the figures are, as a coloured word; `explain` adds what that level means. */
export function ConfidenceBadge({ confidence, explain = false }: { confidence: Confidence; explain?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="badge-with-text">
      <span className={`badge badge--confidence-${confidence}`}>{t(`confidence.${confidence}`)}</span>
      {explain && <span className="badge-with-text__text">{t(`confidenceMeaning.${confidence}`)}</span>}
    </span>
  );
}

/** In force, draft or unconfirmed; anything not in force stands out. */
export function StatusBadge({ status }: { status: ScheduleStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge--status-${status}`}>{t(`scheduleStatus.${status}`)}</span>;
}
