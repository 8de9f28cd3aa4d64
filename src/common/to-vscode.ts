// From the core's types (offsets into text, content problems, tone findings) to VS Code's. Every conversion
// in this direction lives here; from-vscode.ts holds the other one.
import * as vscode from 'vscode';
import type { ToneFinding } from '../core/tone';
import type { ContentProblem } from '../core/types';

/** Offsets into a document's text, as the core counts, as a range in that document. */
export function toRange(document: vscode.TextDocument, span: { readonly start: number; readonly end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** A problem in a content file: an error on its whole line (the core counts lines from 1). */
export function problemToDiagnostic(problem: ContentProblem): vscode.Diagnostic {
  const line = Math.max(0, problem.line - 1);
  // In VS Code's display language: the core gives the English template and its values.
  const message = vscode.l10n.t(problem.template, ...problem.values);
  // A hint (a default stood in for a field the card left out) is no fault: it shows in the editor only.
  const severity = problem.severity === 'hint' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Error;
  return new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), message, severity);
}

/** A tone finding at its place in the document; offsets are document offsets. */
export function findingToDiagnostic(document: vscode.TextDocument, finding: ToneFinding, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  // The rule's message in VS Code's display language (the English text is its l10n key).
  return new vscode.Diagnostic(toRange(document, finding), vscode.l10n.t(finding.message), severity);
}

const SEVERITIES = new Map<string, vscode.DiagnosticSeverity>([
  ['Hint', vscode.DiagnosticSeverity.Hint],
  ['Information', vscode.DiagnosticSeverity.Information],
  ['Warning', vscode.DiagnosticSeverity.Warning],
]);

/** A severity setting's value ("Hint", "Information", "Warning"): never an error, whatever the setting holds. */
export function toSeverity(name: string): vscode.DiagnosticSeverity {
  return SEVERITIES.get(name) ?? vscode.DiagnosticSeverity.Information;
}
