import { contentLanguage, textIn } from '../core/questionnaire/types';
import type { CoursePack } from '../core/pack/types';
import { escapeHtml } from './printable-html';

const STYLE = `
  body { font-family: Georgia, "Times New Roman", serif; color: #000; max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
  section { break-inside: avoid; page-break-inside: avoid; margin-top: 1.2rem; }
  h2 { break-before: page; page-break-before: always; }
  h2.first { break-before: auto; page-break-before: auto; }
  .lines { border-bottom: 1px solid #000; height: 1.6rem; }
  .boxes { letter-spacing: 0.2rem; font-size: 1.2rem; }
  .sources { font-size: 0.75rem; color: #333; }
`;

/** A course pack on paper: goals, case, exercises with room to answer, reflections (feedback is for the debrief). */
export function printablePackHtml(pack: CoursePack, requested: string): string {
  const lang = contentLanguage(pack, requested);
  const text = (value: Readonly<Record<string, string>>) => escapeHtml(textIn(value, lang));
  const paragraphs = (value: Readonly<Record<string, string>>) => textIn(value, lang).split(/\n\n+/).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const exercises = pack.exercises.map((exercise) => {
    let body = '';
    if (exercise.kind === 'sort') body = `<ol>${exercise.statements.map((s) => `<li>${text(s.text)} <span class="boxes">☐ ${text(pack.poles.from)} ☐ ${text(pack.poles.to)}</span></li>`).join('')}</ol>`;
    if (exercise.kind === 'choose') body = `<p><em>${text(exercise.aim)}</em></p><ol type="A">${exercise.options.map((o) => `<li>☐ ${text(o.text)}</li>`).join('')}</ol>`;
    if (exercise.kind === 'place') body = `<p>${text(exercise.practice)}</p><p>${text(pack.poles.from)} <span class="boxes">☐ ☐ ☐ ☐ ☐ ☐ ☐</span> ${text(pack.poles.to)}</p>`;
    return `<section><h3>${text(exercise.title)}</h3><p>${text(exercise.prompt)}</p>${body}<p class="sources">${exercise.sources.map(escapeHtml).join('; ')}</p></section>`;
  });
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><title>${text(pack.title)}</title><style>${STYLE}</style></head>
<body>
  <h1>${text(pack.title)}</h1>
  <p>${text(pack.description)}</p>
  <ul>${pack.goals.map((goal) => `<li>${text(goal)}</li>`).join('')}</ul>
  <h2 class="first">${text(pack.case.title)}</h2>
  ${paragraphs(pack.case.text)}
  ${exercises.join('\n')}
  ${pack.reflections.map((r) => `<section><h3>${text(r.prompt)}</h3><div class="lines"></div><div class="lines"></div><div class="lines"></div></section>`).join('\n')}
  <p class="sources">${pack.sources.map(escapeHtml).join('; ')}</p>
</body>
</html>
`;
}
