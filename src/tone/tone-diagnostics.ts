import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { toOffsets } from '../common/from-vscode';
import { affects, folderInside, setting, Settings } from '../common/settings';
import { findingToDiagnostic, toSeverity } from '../common/to-vscode';
import { analyzeFeedback, markdownParagraphs, ToneFinding } from '../core/tone';
import { toneRuleLink } from './rules-page';

export const TONE_SOURCE = 'Lead From Behind';
const DEBOUNCE_MS = 300;
// A long note is many comments; these bound the work (and the diagnostics) per pass on the extension host.
const MAX_DOCUMENT_CHARS = 200_000;
export const MAX_DOCUMENT_FINDINGS = 200;

/** A finding placed in a document: offsets are document offsets. */
export interface PlacedFinding extends ToneFinding {
  /** The comment the finding belongs to, for fixes that rewrite the whole comment (a label). */
  readonly comment: { readonly start: number; readonly end: number };
}

/** Why a document is checked: its scheme is configured, it was checked on demand, or it is a retro note. */
export type CheckReason = 'scheme' | 'on-demand' | 'retro-note';

/** A whole-document pass of the tone check: what the review figures count from (src/reflection). */
export interface ToneCheckPass {
  readonly document: vscode.TextDocument;
  readonly findings: readonly PlacedFinding[];
  readonly reason: CheckReason;
}

/**
 * Tone diagnostics, the way markdownlint does lint: one collection, debounced while typing, stale
 * results dropped (by document version), cleared on close. Runs on comment boxes (the `comment`
 * scheme) and other configured schemes, on retro notes if asked, and on any document checked on demand.
 */
export class ToneDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('leadFromBehind.tone'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly findings = new Map<string, { version: number; findings: PlacedFinding[] }>();
  /** Documents the user checked with the command: kept live until they close. */
  private readonly onDemand = new Set<string>();
  private readonly passEmitter = this._register(new vscode.EventEmitter<ToneCheckPass>());
  /** Fires after each whole-document pass (debounced while typing), not for a selection checked on demand. */
  readonly onDidCheck = this.passEmitter.event;

  constructor() {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)));
    this._register(vscode.workspace.onDidChangeTextDocument(({ document }) => this.schedule(document, DEBOUNCE_MS)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, Settings.toneSchemes, Settings.toneSeverity, Settings.toneAllow, Settings.toneDisabledRules, Settings.toneRetroNotes, Settings.retroFolder)) {
          for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
        }
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /**
   * Checks now and returns the findings, and what was left unread. With a selection, the selection is
   * checked as one comment and only it shows findings; without one, the whole document is, and it stays
   * checked while it is open.
   */
  checkNow(document: vscode.TextDocument, range?: vscode.Range): DocumentCheck {
    const within = range && !range.isEmpty ? toOffsets(document, range) : undefined;
    if (!within) this.onDemand.add(document.uri.toString());
    return this.publish(document, within);
  }

  /** The findings behind the diagnostics of a document at its current version. */
  findingsFor(document: vscode.TextDocument): PlacedFinding[] {
    const entry = this.findings.get(document.uri.toString());
    return entry?.version === document.version ? entry.findings : [];
  }

  private applies(document: vscode.TextDocument): CheckReason | undefined {
    const { uri } = document;
    if (setting(Settings.toneSchemes).includes(uri.scheme)) return 'scheme';
    if (this.onDemand.has(uri.toString())) return 'on-demand';
    if (!setting(Settings.toneRetroNotes, uri) || document.languageId !== 'markdown') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const retroFolder = folder && folderInside(folder.uri, setting(Settings.retroFolder, folder));
    return retroFolder !== undefined && uri.path.startsWith(`${retroFolder.path}/`) ? 'retro-note' : undefined;
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!this.applies(document)) {
      if (this.findings.has(key)) this.forget(document.uri);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The document may have closed while we waited.
        if (!document.isClosed) this.publish(document);
      }, delay),
    );
  }

  private publish(document: vscode.TextDocument, within?: TextSpan): DocumentCheck {
    const check = analyzeDocument(document, within);
    const { findings } = check;
    this.findings.set(document.uri.toString(), { version: document.version, findings });
    const severity = toSeverity(setting(Settings.toneSeverity));
    const reason = within ? undefined : this.applies(document);
    this.collection.set(
      document.uri,
      findings.map((finding) => {
        const diagnostic = findingToDiagnostic(document, finding, severity);
        diagnostic.source = TONE_SOURCE;
        diagnostic.code = {
          value: finding.ruleId,
          // The rule's page ships with the extension: no network needed to read it.
          target: toneRuleLink(finding.ruleId),
        };
        return diagnostic;
      }),
    );
    if (reason) this.passEmitter.fire({ document, findings, reason });
    return check;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.onDemand.delete(key);
    this.collection.delete(uri);
  }

  override dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    super.dispose();
  }
}

/** The findings of a check, and what it left unread: each is worth telling the person who asked. */
export interface DocumentCheck {
  readonly findings: PlacedFinding[];
  /** Comments longer than the analyzer reads; only their first MAX_ANALYZED_LENGTH characters were checked. */
  readonly truncatedComments: number;
  /** The document was read up to this offset only (MAX_DOCUMENT_CHARS), or undefined when read whole. */
  readonly readUpTo: number | undefined;
  /** True when the check stopped at MAX_DOCUMENT_FINDINGS. */
  readonly capped: boolean;
}

type TextSpan = { readonly start: number; readonly end: number };

/**
 * A comment box holds one comment: it is analysed whole, so a verdict followed by an offered option
 * reads as TONE.md says. A longer document (a retro note) is a set of comments: one per paragraph. A
 * selection is one comment.
 */
export function analyzeDocument(document: vscode.TextDocument, within?: TextSpan): DocumentCheck {
  const text = document.getText();
  const readUpTo = !within && !isOneComment(document) && text.length > MAX_DOCUMENT_CHARS ? MAX_DOCUMENT_CHARS : undefined;
  const comments = within ? [within] : isOneComment(document) ? [{ start: 0, end: text.length }] : markdownParagraphs(text.slice(0, MAX_DOCUMENT_CHARS));
  const options = { allow: setting(Settings.toneAllow), disabledRules: setting(Settings.toneDisabledRules) };
  const placed: PlacedFinding[] = [];
  let truncatedComments = 0;
  for (const comment of comments) {
    const analysis = analyzeFeedback(text.slice(comment.start, comment.end), options);
    if (analysis.truncated) truncatedComments++;
    for (const finding of analysis.findings) {
      // The rewrite stays unbuilt until a quick fix reads it (see analyzeFeedback).
      placed.push({
        ruleId: finding.ruleId,
        message: finding.message,
        start: finding.start + comment.start,
        end: finding.end + comment.start,
        get suggestions() {
          return finding.suggestions;
        },
        get replace() {
          return { start: finding.replace.start + comment.start, end: finding.replace.end + comment.start };
        },
        comment,
      });
      if (placed.length >= MAX_DOCUMENT_FINDINGS) return { findings: placed, truncatedComments, readUpTo, capped: true };
    }
  }
  return { findings: placed, truncatedComments, readUpTo, capped: false };
}

/** A comment box, or any non-markdown text, is one comment; a markdown document is one per paragraph. */
function isOneComment(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'comment' || document.languageId !== 'markdown';
}

