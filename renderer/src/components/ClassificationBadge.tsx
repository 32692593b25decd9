/**
 * A leg's or room's quality: colour AND a shape AND a word (never colour alone, WCAG 1.4.1), so it reads in
 * high contrast, in greyscale and to a screen reader.
 */
import type { LegClassification } from '../../../shared/domain/legs';
import { useT } from '../i18n';
import { CLASSIFICATION_KEY } from '../lib/labels';

const SHAPE: Record<LegClassification, string> = { good: '●', warning: '▲', poor: '■', unknown: '○' };

export function ClassificationBadge({ classification }: { classification: LegClassification }) {
  const t = useT();
  return (
    <span className={`badge badge-${classification}`}>
      <span aria-hidden="true" className="badge-shape">
        {SHAPE[classification]}
      </span>
      {t(CLASSIFICATION_KEY[classification])}
    </span>
  );
}
