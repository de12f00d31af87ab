/** Every multiset of `size` whole numbers from 0 to `max`, ascending: every team on a score grid. */
export function multisets(size: number, max: number): number[][] {
  const out: number[][] = [];
  const team: number[] = [];
  const visit = (from: number) => {
    if (team.length === size) return void out.push([...team]);
    for (let v = from; v <= max; v++) {
      team.push(v);
      visit(v);
      team.pop();
    }
  };
  visit(0);
  return out;
}

/** For teams of n on a grid of 0..steps, per sum of their scores: the values the member at each rank can have. */
export function rankValuesBySum(n: number, steps: number): Map<number, Set<number>[]> {
  const bySum = new Map<number, Set<number>[]>();
  for (const team of multisets(n, steps)) {
    const sum = team.reduce((a, b) => a + b, 0);
    let ranks = bySum.get(sum);
    if (!ranks) bySum.set(sum, (ranks = Array.from({ length: n }, () => new Set<number>())));
    team.forEach((value, r) => ranks![r]!.add(value));
  }
  return bySum;
}
