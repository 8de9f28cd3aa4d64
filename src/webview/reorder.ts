/**
 * Puts `desired` (children of `parent`) in that order with as few DOM moves as possible: the longest run
 * already in order stays put and the rest move. Each move costs the browser a new layout of the section,
 * so a keystroke that changes the ranking moves a handful of cards, not hundreds. Children not in
 * `desired` (hidden cards, the heading) stay where they are; only the order among `desired` is kept.
 */
export function reorder(parent: Element, desired: readonly Element[]): void {
  const place = new Map<Element, number>();
  Array.from(parent.children).forEach((child, index) => place.set(child, index));
  const staying = longestIncreasingRun(desired.map((element) => place.get(element) ?? -1));
  let after: Element | null = null;
  for (let index = desired.length - 1; index >= 0; index--) {
    const element = desired[index];
    if (!staying.has(index)) parent.insertBefore(element, after);
    after = element;
  }
}

/** The indices of a longest strictly increasing subsequence of `values` (patience sorting, O(n log n)). */
export function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k]: index of the smallest end of a run of length k + 1
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1];
    tails[low] = index;
  });
  const run = new Set<number>();
  for (let index = tails.length ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) run.add(index);
  return run;
}
