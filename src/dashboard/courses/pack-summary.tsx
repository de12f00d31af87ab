import { useState } from 'preact/hooks';
import { isCorrect } from '../../core/pack/pack-records';
import { textIn } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import type { PackModel } from '../../ui/courses/pack-model';
import { dateStamp, downloadText } from '../../ui/download';

/** What the student hands in: answers, whether feedback agreed, and notes; a name only if they choose. */
export function PackSummary({ model, lang }: { model: PackModel; lang: string }) {
  const app = useApp();
  const t = useT();
  const [withName, setWithName] = useState(false);
  const [name, setName] = useState('');
  const pack = model.pack;
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);

  function summaryText(): string {
    const lines = [`# ${text(pack.title)}`, ''];
    if (withName && name.trim()) lines.push(`${t('course.name')}: ${name.trim()}`, '');
    lines.push(`${t('history.date')}: ${dateStamp(app.now())}`, '', `## ${t('course.exercises')}`);
    for (const exercise of pack.exercises) {
      const stored = model.answers.value[exercise.id];
      lines.push('', `### ${text(exercise.title)}`);
      if (!stored) {
        lines.push(t('course.notAnswered'));
        continue;
      }
      const answer = stored.answer;
      if (exercise.kind === 'sort' && typeof answer === 'object') {
        for (const s of exercise.statements) lines.push(`- ${text(s.text)}: ${answer[s.id] ? text(pack.poles[answer[s.id]!]) : '–'}`);
      } else if (exercise.kind === 'choose') {
        lines.push(`- ${text(exercise.options.find((o) => o.id === answer)?.text ?? { en: '–' })}`);
      } else if (exercise.kind === 'place') {
        lines.push(`- ${t('course.expertAt', { expert: exercise.expert.position, you: String(answer) })}`);
      }
      lines.push(`(${isCorrect(exercise, answer) ? t('course.right') : t('course.notQuite')})`);
    }
    lines.push('', `## ${t('course.reflections')}`);
    for (const reflection of pack.reflections) lines.push('', `### ${text(reflection.prompt)}`, model.notes.value[reflection.id]?.trim() || '–');
    return `${lines.join('\n')}\n`;
  }

  return (
    <section class="section no-print" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('course.summary')}</h2>
      <p class="hint">{t('course.summaryHint')}</p>
      <label class="checkbox-inline"><input type="checkbox" checked={withName} onChange={(e) => setWithName((e.currentTarget as HTMLInputElement).checked)} /> {t('course.includeName')}</label>
      {withName ? (
        <div class="field"><label for="summary-name">{t('course.name')}</label><input id="summary-name" type="text" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} /></div>
      ) : null}
      <div class="button-row start">
        <button type="button" class="button" onClick={() => downloadText(`${pack.id}-${dateStamp(app.now())}.md`, summaryText(), 'text/markdown')}>{t('course.saveSummary')}</button>
        <button type="button" class="button" onClick={() => window.print()}>{t('course.print')}</button>
      </div>
    </section>
  );
}
