/** Which questionnaire version and round a set of responses is pooled for. */
export interface Target {
  questionnaire: { id: string; version: number };
  /** Undefined: responses to any round are pooled. */
  round?: string | undefined;
}

type Named = { questionnaire: { id: string; version: number }; round: string };

/**
 * Why a response does not belong to the target, in words a team lead understands;
 * null when it belongs. Shared by the aggregator and the kit, which sorts files into
 * sets before it knows which set it will pool.
 */
export function mismatchReason(target: Target, response: Named): string | null {
  if (target.round !== undefined && response.round !== target.round) {
    return `for round ${response.round}, not ${target.round}`;
  }
  const wanted = target.questionnaire;
  const given = response.questionnaire;
  if (given.id !== wanted.id) {
    return `answers questionnaire ${given.id} (version ${given.version}); this aggregate is for ${wanted.id}`;
  }
  if (given.version !== wanted.version) {
    return `answers version ${given.version} of ${given.id}; this aggregate is for version ${wanted.version}`;
  }
  return null;
}
