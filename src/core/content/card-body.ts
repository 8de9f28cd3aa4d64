/** Splits a card body into its explanation and its "In a software team" part. */
export function splitBody(body: string): { explanation: string; inPractice: string } {
  const heading = /^##[ \t]+.*$/m.exec(body);
  if (!heading) return { explanation: body.trim(), inPractice: '' };
  return {
    explanation: body.slice(0, heading.index).trim(),
    inPractice: body.slice(heading.index + heading[0].length).trim(),
  };
}
