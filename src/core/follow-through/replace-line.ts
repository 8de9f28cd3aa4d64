/**
 * The text with line `line` (0-based, as an editor counts lines) replaced by `after`, and nothing else:
 * every other character (line endings, a BOM, trailing white space, the final newline or its absence)
 * stays as it was. Undefined when that line is not exactly `before` (the note changed, so nothing may be
 * written), or `after` holds a line break.
 */
export function replaceLine(text: string, line: number, before: string, after: string): string | undefined {
  if (/[\r\n]/.test(after) || !Number.isInteger(line) || line < 0) return undefined;
  // Lines as an editor counts them: \r\n, \n and a lone \r each end one.
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (let index = 0; index < line; index++) {
    const found = lineBreak.exec(text);
    if (!found) return undefined;
    start = found.index + found[0].length;
  }
  const next = lineBreak.exec(text);
  const end = next ? next.index : text.length;
  // An editor does not show the BOM as part of the first line.
  const bom = start === 0 && text.startsWith('\uFEFF') ? 1 : 0;
  if (text.slice(start + bom, end) !== before) return undefined;
  return text.slice(0, start + bom) + after + text.slice(end);
}
