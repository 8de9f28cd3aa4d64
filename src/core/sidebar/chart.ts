/**
 * What the sidebar's inline SVG charts share (Follow-through, Your Reviews). Pure; each chart keeps its own
 * layout and classes.
 */

/** A coordinate to one decimal: short markup, and no difference anyone can see. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The runs of consecutive values a line goes through, with their indexes: a missing value (undefined) breaks
 * the line, so a gap is drawn as a gap, never as 0. A run of one value has no line, only its point.
 */
export function lineRuns(values: readonly (number | undefined)[]): { readonly index: number; readonly value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === undefined) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push({ index, value });
  });
  if (run.length > 0) runs.push(run);
  return runs;
}
