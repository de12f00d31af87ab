import { textIn, type Questionnaire } from '../../core/questionnaire/types';
import type { AxisScore } from '../../core/scoring';
import { useApp, useT } from '../app-context';
import { figureText, signedFigureText } from '../figures';
import { describeGap, describePosition } from './position-words';
import { ScoreTableHead } from './score-table-head';

export interface ProfileViewProps {
  questionnaire: Questionnaire;
  axes: readonly AxisScore[];
  contentLanguage: string;
}

/** The plot's size in its own units; the markers keep inside it, as on the result's tracks. */
const SIZE = 200;
const INSET = 10;
const at = (score: number) => INSET + (score / 100) * (SIZE - 2 * INSET);

/**
 * A profile on two axes: where the unit stands on each, beside where the person wants it,
 * as a quadrant (the first axis across, the second up) and, for everyone, in words and
 * a table. The plot repeats the table, so it is hidden from assistive technology.
 */
export function ProfileView({ questionnaire, axes, contentLanguage }: ProfileViewProps) {
  const t = useT();
  const format = useApp().i18n.formatNumber.value;
  const axisOf = (id: string) => questionnaire.axes!.find((axis) => axis.id === id)!;
  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);
  const [across, up] = axes;
  if (!across || !up) return null;
  const point = (x: number | null, y: number | null) => (x === null || y === null ? null : { x: at(x), y: SIZE - at(y) });
  const now = point(across.now, up.now);
  const wanted = point(across.wanted, up.wanted);
  const end = (score: AxisScore, which: 'from' | 'to') => text(axisOf(score.axis)[which]);

  return (
    <section class="profile" aria-labelledby="profile-heading">
      <h3 id="profile-heading">{t('result.profileHeading')}</h3>
      <p class="hint">{t('result.profileNote')}</p>
      <div class="profile-layout">
        <figure class="profile-plot" aria-hidden="true" lang={contentLanguage}>
          <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="presentation">
            <rect class="profile-frame" x="0.5" y="0.5" width={SIZE - 1} height={SIZE - 1} />
            <line class="profile-midline" x1={SIZE / 2} y1="0" x2={SIZE / 2} y2={SIZE} />
            <line class="profile-midline" x1="0" y1={SIZE / 2} x2={SIZE} y2={SIZE / 2} />
            {now ? <circle class="marker-now-svg" cx={now.x} cy={now.y} r="7" data-at={`${across.now},${up.now}`} /> : null}
            {wanted ? <rect class="marker-wanted-svg" x={wanted.x - 5} y={wanted.y - 5} width="10" height="10" transform={`rotate(45 ${wanted.x} ${wanted.y})`} /> : null}
          </svg>
          <figcaption class="profile-ends">
            <span>{t('result.profileAcross', { name: text(axisOf(across.axis).name), from: end(across, 'from'), to: end(across, 'to') })}</span>
            <span>{t('result.profileUp', { name: text(axisOf(up.axis).name), from: end(up, 'from'), to: end(up, 'to') })}</span>
          </figcaption>
        </figure>
        <table class="data-table" data-testid="profile-table">
          <caption>{t('result.profileCaption')}</caption>
          <ScoreTableHead rowLabel={t('result.axis')} />
          <tbody>
            {axes.map((score) => (
              <tr key={score.axis} data-axis={score.axis}>
                <th scope="row" lang={contentLanguage}>{text(axisOf(score.axis).name)} ({end(score, 'from')} – {end(score, 'to')})</th>
                <td>{figureText(format, score.now)}</td>
                <td>{figureText(format, score.wanted)}</td>
                <td>{signedFigureText(format, score.gap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="profile-words">
        {axes.map((score) => (
          <li key={score.axis}>
            <span lang={contentLanguage}>{text(axisOf(score.axis).name)}</span>:{' '}
            {score.now === null
              ? t('result.notEnoughAxis')
              : describePosition(t, score.now, end(score, 'from'), end(score, 'to'))
                + (score.gap !== null ? ` · ${describeGap(t, score.gap, end(score, 'from'), end(score, 'to'), format)}` : '')}
          </li>
        ))}
      </ul>
    </section>
  );
}
