/** Splits a card body into its explanation and its "In a software team" part. */
export function splitBody(body: string): { explanation: string; inPractice: string } {
  const heading = /^##[ \t]+.*$/m.exec(body);
  if (!heading) return { explanation: body.trim(), inPractice: '' };
  return {
    explanation: body.slice(0, heading.index).trim(),
    inPractice: body.slice(heading.index + heading[0].length).trim(),
  };
}

/** A derived summary is one line in a list: longer sentences are cut at a word. */
export const MAX_DERIVED_SUMMARY_LENGTH = 160;

/**
 * The first sentence of a card body's first paragraph, as plain text: the summary of a team card that has
 * none. Headings and code blocks are passed over; a body with no paragraph gives its first heading.
 */
export function firstSentence(body: string): string {
  const paragraphs = body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n'));
  const heading = /^ {0,3}#{1,6}[ \t]+/;
  const text = paragraphs.map((lines) => plainText(lines.filter((line) => !heading.test(line)))).find(Boolean);
  const fallback = paragraphs.flat().find((line) => heading.test(line));
  const paragraph = text ?? (fallback ? plainText([fallback.replace(heading, '').replace(/[ \t]#+[ \t]*$/, '')]) : '');
  const sentence = /^.*?[.!?…]["'”’)\]]*(?=\s|$)/.exec(paragraph)?.[0] ?? paragraph;
  if (sentence.length <= MAX_DERIVED_SUMMARY_LENGTH) return sentence;
  const cut = sentence.lastIndexOf(' ', MAX_DERIVED_SUMMARY_LENGTH - 1);
  return `${sentence.slice(0, cut > 0 ? cut : MAX_DERIVED_SUMMARY_LENGTH - 1).replace(/[\s,;:]+$/, '')}…`;
}

/** Markdown lines as one line of text: block markers, links, emphasis, code marks and HTML tags removed. */
function plainText(lines: readonly string[]): string {
  return lines
    .map((line) => line.replace(/^ {0,3}(?:>[ \t]?)*(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?/, ''))
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(^|[^\p{L}\p{N}])[*_]+(?=\S)|(?<=\S)[*_]+(?=$|[^\p{L}\p{N}])/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
