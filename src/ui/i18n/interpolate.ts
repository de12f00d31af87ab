/**
 * Fills in a message. Plain data and plain functions, so the kit can print forms with
 * the same texts without the pages' signals.
 *
 * - `{name}` is replaced by the parameter's value (a placeholder without one stays).
 * - `{name, plural, one {…} other {…}}` picks the form that Intl.PluralRules gives for
 *   the number in the message's language (en, sv and da use "one" and "other"); inside
 *   it, `#` is the number. "other" is the form used when a category has none.
 */
export type Params = Readonly<Record<string, string | number>>;

const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(\w+)\s*\{([^{}]*)\}/g;
const rules = new Map<string, Intl.PluralRules>();

function pluralRules(language: string): Intl.PluralRules {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  return rule;
}

export function interpolate(template: string, params?: Params, language = 'en'): string {
  if (!params) return template;
  const chosen = template.replace(PLURAL, (match, name: string, forms: string) => {
    if (!Object.hasOwn(params, name)) return match;
    const value = params[name]!;
    const category = pluralRules(language).select(Number(value));
    const byCategory = new Map([...forms.matchAll(FORM)].map(([, key, text]) => [key!, text!]));
    const form = byCategory.get(category) ?? byCategory.get('other') ?? match;
    return form.replace(/#/g, String(value));
  });
  return chosen.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}
