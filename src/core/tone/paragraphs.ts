/** Splitting a markdown document into the comments the tone check reads one at a time. */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Paragraphs split on blank lines, except inside fenced code, which stays with its paragraph. */
export function markdownParagraphs(text: string): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  let start = 0;
  let fence: string | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineEnd = offset + line.length;
    const marker = FENCE.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? undefined : marker;
    else if (!fence && !line.trim()) {
      if (offset > start) result.push({ start, end: offset });
      start = Math.min(text.length, lineEnd + 1);
    }
    offset = lineEnd + 1;
  }
  if (start < text.length) result.push({ start, end: text.length });
  return result.filter(({ start: from, end }) => text.slice(from, end).trim());
}
