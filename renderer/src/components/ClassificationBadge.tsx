/**
 * A leg's or room's quality: colour AND a shape AND a word (never colour alone, WCAG 1.4.1), so it reads in
 * high contrast, in greyscale and to a screen reader.
 */
import type { LegClassification } from '../../../shared/domain/legs';
import { useT, type Translate } from '../i18n';
import { CLASSIFICATION_KEY } from '../lib/labels';

export function ClassificationBadge({ classification }: { classification: LegClassification }) {
  const t = useT();
  return classificationMark(classification, t);
}

/**
 * The badge with the caller's `t`: no locale subscription of its own, for lists that render many badges
 * at once (the fleet overview's 64 tiles subscribe once, in the list). A plain function, not a component:
 * one fiber less per tile when the overview's 64 tiles are created at once.
 */
export function classificationMark(classification: LegClassification, t: Translate) {
  // The shape (● ▲ ■ ○) is the class's ::before (app.css), hidden from screen readers.
  return <span className={`badge badge-${classification}`}>{t(CLASSIFICATION_KEY[classification])}</span>;
}
