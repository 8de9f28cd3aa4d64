import type { ContentProblem } from './types';

/**
 * Text for people, written where the core finds a problem (the core has no vscode) and shown by the
 * extension in VS Code's display language. `l10n.t` has the shape of vscode.l10n.t, so scripts/l10n.mjs
 * collects these strings for the bundles; the extension passes `template` and `values` to vscode.l10n.t.
 */
export interface Message {
  /** In English, filled in: for tests, logs and the build. */
  readonly message: string;
  readonly template: string;
  readonly values: readonly string[];
}

export const l10n = {
  t(template: string, ...values: (string | number)[]): Message {
    const strings = values.map(String);
    return { message: fill(template, ...strings), template, values: strings };
  },
};

/** Fills `{0}`, `{1}` … with `values`, as vscode.l10n.t does; where the result is HTML, so must they be. */
export function fill(template: string, ...values: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => values[Number(index)] ?? placeholder);
}

/** A problem in `file` at `line`, with its message in English and ready for translation. */
export function problemAt(file: string, line: number, { message, template, values }: Message): ContentProblem {
  return { file, line, message, template, values };
}

/** A hint in `file` at `line`: the file loads, and this says what a default stood in for. */
export function hintAt(file: string, line: number, message: Message): ContentProblem {
  return { ...problemAt(file, line, message), severity: 'hint' };
}
