import { asksWantedPerItem, SCALE_MIDPOINT, SCALE_POINTS, type Questionnaire } from '../questionnaire/types';
import { mulberry32, normal, randomBytes, type Random } from './random';
import { encodeResponseId, makeResponse, type AnonymisedResponse } from './response';

/**
 * Plausible team responses for demonstrations, teaching and benchmarks. Positions
 * are on a latent 1–7 line from the "from" pole to the "to" pole: the team sits
 * somewhere on each dimension, each person near the team, each answer near the person.
 */
const TEAM_SPREAD = { low: 2.3, high: 5.2 }; // teams rarely sit at a pole
const PERSON_SD = 0.9;
const ITEM_SD = 0.7;
const WANTED_SHIFT = { low: 0.3, high: 2.2 }; // most people want to move towards service logic
/** An item left out: unanswered in format 1, "does not apply" in format 2 (both leave it out of the response). */
const SKIP_ITEM = 0.02;
const SKIP_WANTED = 0.05;
/** A weak item's answers spread about the middle of the scale about as widely as a team's answers do. */
const NOISE_SD = 1.5;

export interface Simulation {
  round: string;
  next(): AnonymisedResponse;
}

export interface SimulationOptions {
  /**
   * The id of an item answered as noise unrelated to its dimension, so that the item
   * analysis has something to flag (teaching, and docs/analysis.md).
   */
  weakItem?: string;
}

export function createSimulation(questionnaire: Questionnaire, seed: number, round: string, options: SimulationOptions = {}): Simulation {
  const random = mulberry32(seed);
  const team = new Map(questionnaire.dimensions.map((d) => [d.id, uniform(random, TEAM_SPREAD.low, TEAM_SPREAD.high)]));
  const perItem = asksWantedPerItem(questionnaire);
  return {
    round,
    next() {
      const person = new Map([...team].map(([id, centre]) => [id, centre + PERSON_SD * normal(random)]));
      const answers: Record<string, number> = {};
      for (const item of questionnaire.items) {
        if (random() < SKIP_ITEM) continue;
        // A weak item takes the same draw but not the person's position, so every other
        // answer, and the output without the option, stays what the seed always gave.
        const deviation = normal(random);
        const towardsTo = item.id === options.weakItem ? toScale(SCALE_MIDPOINT + NOISE_SD * deviation) : toScale(person.get(item.dimension)! + ITEM_SD * deviation);
        answers[item.id] = item.leftPole === 'from' ? towardsTo : SCALE_POINTS + 1 - towardsTo;
      }
      // A person who skipped everything still answers one item, as the extension requires.
      if (Object.keys(answers).length === 0) answers[questionnaire.items[0]!.id] = toScale(person.get(questionnaire.items[0]!.dimension)!);
      const wanted: Record<string, number> = {};
      const wantedItems: Record<string, number> = {};
      for (const [id, position] of person) {
        if (random() < SKIP_WANTED) continue;
        const shifted = position + uniform(random, WANTED_SHIFT.low, WANTED_SHIFT.high);
        wanted[id] = toScale(shifted);
        // Format 2 asks per item: each answered item's wanted near the person's, on the item's
        // own scale. Drawn only for format 2, so a seed gives format-1 files as it always did.
        if (!perItem) continue;
        for (const item of questionnaire.items) {
          if (item.dimension !== id || answers[item.id] === undefined) continue;
          const towardsTo = toScale(shifted + ITEM_SD * normal(random));
          wantedItems[item.id] = item.leftPole === 'from' ? towardsTo : SCALE_POINTS + 1 - towardsTo;
        }
      }
      const response = encodeResponseId(randomBytes(random, 16));
      return makeResponse({ questionnaire, round, response, answers, wanted, wantedItems });
    },
  };
}

function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

function toScale(latent: number): number {
  return Math.min(SCALE_POINTS, Math.max(1, Math.round(latent)));
}
