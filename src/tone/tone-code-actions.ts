import * as vscode from 'vscode';
import { Commands, InternalCommands } from '../common/commands';
import { toOffsets } from '../common/from-vscode';
import { toRange } from '../common/to-vscode';
import { addConventionalLabel, toneRule } from '../core/tone';
import { PlacedFinding, TONE_SOURCE, ToneDiagnostics } from './tone-diagnostics';

const MAX_TITLE_LENGTH = 60;

/**
 * Quick fixes for tone diagnostics: a supportive rewrite (the first is preferred), a Conventional
 * Comments label that makes the comment explicitly optional, allowing the phrase, and disabling the rule.
 * Edits go through `WorkspaceEdit.replace`: `TextEditor.edit` can report success in a comment box
 * without changing it.
 */
export class ToneCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: ToneDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const findings = this.diagnostics.findingsFor(document);
    const actions: vscode.CodeAction[] = [];
    let preferredGiven = false;
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== TONE_SOURCE) continue;
      const finding = findings.find((candidate) => sameSpan(document, candidate, diagnostic.range) && candidate.ruleId === ruleIdOf(diagnostic));
      if (!finding) continue;
      for (const suggestion of finding.suggestions) {
        const action = this.replacement(document, diagnostic, vscode.l10n.t('Rewrite: "{0}"', shorten(suggestion)), finding.replace, suggestion, fixRecord(document, 'rewrite', [finding]));
        action.isPreferred = !preferredGiven;
        preferredGiven = true;
        actions.push(action);
      }
      const comment = document.getText(toRange(document, finding.comment));
      const labelled = addConventionalLabel(comment, 'suggestion', ['non-blocking']);
      // A label belongs in front of a review comment, not a whole source file checked on demand.
      const isComment = document.uri.scheme === 'comment' || document.languageId === 'markdown';
      if (isComment && labelled !== comment) {
        // The label makes the whole comment optional: it answers every flag in it.
        const inComment = findings.filter((other) => other.comment.start === finding.comment.start && other.comment.end === finding.comment.end);
        const title = vscode.l10n.t('Add a Conventional Comments label: "suggestion (non-blocking):"');
        actions.push(this.replacement(document, diagnostic, title, finding.comment, labelled, fixRecord(document, 'label', inComment)));
      }
      const phrase = document.getText(diagnostic.range);
      actions.push(this.command(diagnostic, vscode.l10n.t('Allow "{0}" in the tone check', shorten(phrase)), Commands.allowTonePhrase, phrase));
      if (vscode.workspace.workspaceFolders?.length) {
        const title = vscode.l10n.t('Allow "{0}" for everyone in this workspace', shorten(phrase));
        actions.push(this.command(diagnostic, title, Commands.allowTonePhrase, phrase, 'workspace'));
      }
      actions.push(this.command(diagnostic, vscode.l10n.t('Disable the tone rule "{0}"', vscode.l10n.t(toneRule(finding.ruleId)?.name ?? finding.ruleId)), Commands.disableToneRule, finding.ruleId));
    }
    return actions;
  }

  private replacement(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string, at: { start: number; end: number }, text: string, record: vscode.Command): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toRange(document, at), text);
    // VS Code applies the edit, then runs the command: the review figures learn which fix was taken.
    action.command = record;
    action.diagnostics = [diagnostic];
    return action;
  }

  private command(diagnostic: vscode.Diagnostic, title: string, command: string, ...args: string[]): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.command = { title, command, arguments: args };
    action.diagnostics = [diagnostic];
    return action;
  }
}

/** The fix record for the review figures (src/reflection): which flags, by place in this version, and how. */
function fixRecord(document: vscode.TextDocument, kind: 'rewrite' | 'label', findings: readonly PlacedFinding[]): vscode.Command {
  const flags = findings.map(({ ruleId, start, end }) => ({ ruleId, start, end }));
  return { title: '', command: InternalCommands.recordToneFix, arguments: [document.uri.toString(), document.version, kind, flags] };
}

function sameSpan(document: vscode.TextDocument, finding: PlacedFinding, range: vscode.Range): boolean {
  const { start, end } = toOffsets(document, range);
  return start === finding.start && end === finding.end;
}

function ruleIdOf(diagnostic: vscode.Diagnostic): unknown {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_TITLE_LENGTH ? `${line.slice(0, MAX_TITLE_LENGTH - 1)}…` : line;
}
