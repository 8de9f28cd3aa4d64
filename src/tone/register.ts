import * as vscode from 'vscode';
import { Commands } from '../common/commands';
import { setting, Settings } from '../common/settings';
import { MAX_ANALYZED_LENGTH, TONE_RULES } from '../core/tone';
import { DOCS_SCHEME, RulesPageProvider } from './rules-page';
import { ToneCodeActionProvider } from './tone-code-actions';
import { DocumentCheck, MAX_DOCUMENT_FINDINGS, PlacedFinding, ToneDiagnostics } from './tone-diagnostics';

/** The feedback tone check: diagnostics, quick fixes, and "Check Feedback Tone" on demand. */
export function register(context: vscode.ExtensionContext): ToneDiagnostics {
  const diagnostics = new ToneDiagnostics();
  context.subscriptions.push(
    diagnostics,
    // Where each finding links to: the rules page, read-only.
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, new RulesPageProvider(context.extensionUri)),
    // Every scheme: comment boxes, untitled and file documents alike; findings exist only where we analysed.
    vscode.languages.registerCodeActionsProvider({ pattern: '**' }, new ToneCodeActionProvider(diagnostics), {
      providedCodeActionKinds: ToneCodeActionProvider.providedCodeActionKinds,
    }),
    vscode.commands.registerCommand(Commands.checkTone, () => checkTone(diagnostics)),
    vscode.commands.registerCommand(Commands.allowTonePhrase, (phrase: unknown, scope: unknown) => addToList(Settings.toneAllow, phrase, scope)),
    vscode.commands.registerCommand(Commands.disableToneRule, (ruleId: unknown) =>
      TONE_RULES.some((rule) => rule.id === ruleId) ? addToList(Settings.toneDisabledRules, ruleId) : undefined,
    ),
  );
  return diagnostics;
}

/** Checks the selection, or the whole document, of the active editor. Returns the findings. */
function checkTone(diagnostics: ToneDiagnostics): PlacedFinding[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Lead From Behind: open a review comment or a document to check its tone.'));
    return [];
  }
  const check = diagnostics.checkNow(editor.document, editor.selection);
  const skipped = whatWasSkipped(check);
  if (skipped) void vscode.window.showInformationMessage(skipped);
  else if (check.findings.length === 0) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Lead From Behind: no directive phrasing found'), 4000);
  }
  return check.findings;
}

/** What a check left unread, in a sentence, or undefined when it read everything. */
function whatWasSkipped({ truncatedComments, readUpTo, capped }: DocumentCheck): string | undefined {
  if (capped) return vscode.l10n.t('Lead From Behind: the check stopped after {0} findings; the rest of the document was not checked.', MAX_DOCUMENT_FINDINGS);
  if (readUpTo !== undefined) return vscode.l10n.t('Lead From Behind: only the first {0} characters of the document were checked.', readUpTo);
  if (truncatedComments > 0) {
    return vscode.l10n.t('Lead From Behind: a comment is checked up to {0} characters; the rest of {1} long comment(s) was not checked.', MAX_ANALYZED_LENGTH, truncatedComments);
  }
  return undefined;
}

/**
 * Adds to a list setting: the user's own settings by default, the workspace's (a file the whole team
 * shares) only when asked for with `scope` "workspace".
 */
async function addToList(key: typeof Settings.toneAllow | typeof Settings.toneDisabledRules, value: unknown, scope?: unknown): Promise<void> {
  if (typeof value !== 'string' || !value.trim() || setting(key).includes(value)) return;
  const inWorkspace = scope === 'workspace' && (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const configuration = vscode.workspace.getConfiguration(Settings.section);
  // Add to that target's own list only, so one list is never copied into the other.
  const inspected = configuration.inspect<string[]>(key);
  const own = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  await configuration.update(key, [...own, value], target);
}
