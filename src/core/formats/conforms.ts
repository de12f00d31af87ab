import { compileConformance, type Conformance } from './compiled-conformance';
import type { RuleCheck } from './check-shape';
import { RECORD_RULES } from './record-rules';

const compiledDefinitions = new WeakMap<object, Conformance>();

/**
 * Whether a value has a definition's shape: for stored records, where the answer is yes
 * or no. The definition is compiled once into a predicate (compiled-conformance.ts) that
 * gives the checker's verdict (check-shape.ts's conformsByChecker) without its messages;
 * pages that only read records load this, not the checker. A caller's own rules are
 * compiled with the definition for that call.
 */
export function conforms(definition: object, value: unknown, rules: Readonly<Record<string, RuleCheck>> = {}): boolean {
  // The checks stay silent on `undefined` (a missing field, reported by its object); a missing record is no record.
  if (value === undefined) return false;
  const own = Object.keys(rules).length > 0;
  let predicate = own ? undefined : compiledDefinitions.get(definition);
  if (!predicate) {
    predicate = compileConformance(definition, (check) => ({ ...RECORD_RULES(check), ...rules }));
    if (!own) compiledDefinitions.set(definition, predicate);
  }
  return predicate(value);
}
