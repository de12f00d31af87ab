import type { ComponentChildren } from 'preact';
import { useApp, useT } from '../app-context';
import type { MessageKey } from '../i18n/en-dashboard';

const POSITIONS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface ScaleQuestionProps {
  id: string;
  /** Read first by a screen reader, e.g. "Statement pair 2 of 3". */
  label: ComponentChildren;
  left: string;
  right: string;
  /** The language of the statements, which may differ from the interface's. */
  contentLanguage: string;
  value: number | undefined;
  invalid: boolean;
  onChoose(position: number): void;
  /** "Does not apply to my unit": a radio of the same group, so arrow keys reach it. */
  notApplicable?: { checked: boolean; onChoose(): void };
  /** In the "wanted" pass: the answer given for today, shown in words under the scale. */
  nowPosition?: number;
}

/**
 * Two statements with a 7-point scale of native radio buttons between them. The
 * statements sit in the legend, so the group is announced with both.
 */
export function ScaleQuestion(props: ScaleQuestionProps) {
  const t = useT();
  // The statements are in the questionnaire's language; the words around them in the page's.
  const language = useApp().i18n.language.value;
  return (
    // Today's answer, shown under the scale in the "wanted" pass, is read with the group too.
    <fieldset class="scale-question" id={props.id} aria-invalid={props.invalid ? 'true' : undefined} aria-describedby={props.nowPosition !== undefined ? `${props.id}-now` : undefined}>
      <legend class="scale-legend">
        <span class="scale-label">{props.label}</span>
        <span class="scale-statements" lang={props.contentLanguage}>
          <span class="statement statement-left">
            <span class="visually-hidden" lang={language}>{t('assess.first')}: </span>
            {props.left}
          </span>
          <span class="statement statement-right">
            <span class="visually-hidden" lang={language}>{t('assess.second')}: </span>
            {props.right}
          </span>
        </span>
      </legend>
      <div class="scale-options">
        {POSITIONS.map((position) => (
          <label class="scale-option" key={position}>
            <input
              type="radio"
              name={props.id}
              value={position}
              checked={props.value === position}
              data-now={props.nowPosition === position ? 'true' : undefined}
              onChange={() => props.onChoose(position)}
            />
            <span class="visually-hidden">{t(`assess.point${position}` as MessageKey)}</span>
          </label>
        ))}
      </div>
      <div class="scale-ends" aria-hidden="true">
        <span>{t('assess.scaleStart')}</span>
        <span>{t('assess.scaleMiddle')}</span>
        <span>{t('assess.scaleEnd')}</span>
      </div>
      {props.notApplicable ? (
        <label class="scale-not-applicable">
          <input type="radio" name={props.id} value="n/a" checked={props.notApplicable.checked} onChange={props.notApplicable.onChoose} />
          {t('assess.notApplicable')}
        </label>
      ) : null}
      {props.nowPosition !== undefined ? (
        <p class="scale-now" id={`${props.id}-now`}>{t('assess.nowWas', { position: t(`assess.point${props.nowPosition}` as MessageKey) })}</p>
      ) : null}
    </fieldset>
  );
}
