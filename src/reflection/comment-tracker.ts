import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { CommentLedger, FixKind } from '../core/reflection/comment-ledger';
import { analyzeDocument, CheckReason, PlacedFinding, ToneCheckPass, ToneDiagnostics } from '../tone/tone-diagnostics';
import type { ReviewFigures } from './review-figures';

/** A flag as a quick fix names it: by rule and place in the version the fix was offered for. */
export interface FlagPlace {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
}

interface TrackedComment {
  readonly ledger: CommentLedger;
  /** The findings of the latest pass, by place, in the ledger's order. */
  places: readonly FlagPlace[];
}

/**
 * Counts finished comments from the tone check, off the typing path: it runs only on the tone check's
 * debounced passes, on a document's close, and when a quick fix is taken; never per keystroke.
 *
 * When a comment is finished, per kind of document:
 * - a comment box (the `comment` scheme) and any document in a scheme of `leadFromBehind.tone.schemes`
 *   (a review tool's comment editor): one document is one comment. It is finished when, after text was
 *   typed in it, its text is emptied (VS Code's comment widget empties the box when the comment is
 *   submitted, and keeps the same document for the next reply) or the document closes with text in it
 *   (the comment was cancelled or its thread closed, the review editor was closed). Emptying a box by hand
 *   reads the same as submitting it.
 * - a document checked on demand (Check Feedback Tone, without a selection): finished when it closes, and
 *   only if text was typed after the check. Not when it is saved: a draft is saved many times while it is
 *   written, and it stays checked until it closes. A document only looked at, never typed in, is no comment.
 * - a selection checked on demand, and retro notes (`leadFromBehind.tone.checkRetroNotes`), are not counted:
 *   a selection is a look, not writing, and a retro note is no review comment.
 * The text is read in memory to tell one flag from another; only counts and rule ids are stored.
 */
export class CommentTracker extends Disposable {
  private readonly comments = new Map<string, TrackedComment>();

  constructor(
    tone: ToneDiagnostics,
    private readonly figures: ReviewFigures,
  ) {
    super();
    this._register(tone.onDidCheck((pass) => this.observe(pass)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.close(document)));
  }

  /** A quick fix was applied to the document `uri`; `flags` are places in its `version` before the fix. */
  recordFix(uri: string, version: number, kind: FixKind, flags: readonly FlagPlace[]): void {
    const tracked = this.comments.get(uri);
    if (!tracked || tracked.ledger.lastVersion !== version) return;
    const keys = tracked.ledger.keysOfLatestPass;
    const fixed = flags.flatMap((flag) => {
      const index = tracked.places.findIndex((place) => place.ruleId === flag.ruleId && place.start === flag.start && place.end === flag.end);
      return index >= 0 && keys[index] ? [keys[index]] : [];
    });
    tracked.ledger.recordFix(fixed, kind);
  }

  private observe({ document, findings, reason }: ToneCheckPass): void {
    const key = document.uri.toString();
    if (!counts(reason) || !this.figures.isCounting) {
      this.comments.delete(key);
      return;
    }
    let tracked = this.comments.get(key);
    if (!tracked) {
      // A comment box starts empty or with a draft restored: anything past its first version was typed.
      tracked = { ledger: new CommentLedger(reason === 'scheme' ? 1 : document.version), places: [] };
      this.comments.set(key, tracked);
    }
    this.take(tracked, document, findings);
  }

  private take(tracked: TrackedComment, document: vscode.TextDocument, findings: readonly PlacedFinding[]): void {
    const text = document.getText();
    tracked.places = findings.map(({ ruleId, start, end }) => ({ ruleId, start, end }));
    const submitted = tracked.ledger.observe({
      version: document.version,
      hasText: /\S/.test(text),
      findings: findings.map((finding) => ({ ruleId: finding.ruleId, phrase: text.slice(finding.start, finding.end) })),
    });
    if (submitted) this.figures.count(submitted);
  }

  private close(document: vscode.TextDocument): void {
    // A language change closes and reopens the same document, which stays open: not a close.
    if (!document.isClosed) return;
    const key = document.uri.toString();
    const tracked = this.comments.get(key);
    this.comments.delete(key);
    if (!tracked || !this.figures.isCounting) return;
    // Typed in, then closed before the debounced pass: read the last text once.
    if (document.version !== tracked.ledger.lastVersion) this.take(tracked, document, analyzeDocument(document).findings);
    const finished = tracked.ledger.close();
    if (finished) this.figures.count(finished);
  }

  override dispose(): void {
    this.comments.clear();
    super.dispose();
  }
}

function counts(reason: CheckReason): boolean {
  return reason === 'scheme' || reason === 'on-demand';
}
