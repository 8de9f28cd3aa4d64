import type { CountDelta } from './store';

/** How a flag went away through a quick fix. */
export type FixKind = 'rewrite' | 'label';

/** A finding as the ledger sees it: its rule and the flagged words. The words stay in memory, never stored. */
export interface ObservedFinding {
  readonly ruleId: string;
  readonly phrase: string;
}

/** One pass of the tone check over a comment document. */
export interface CommentPass {
  readonly version: number;
  /** The document holds more than white space. */
  readonly hasText: boolean;
  readonly findings: readonly ObservedFinding[];
}

/**
 * A stable identity per flag, across passes: its rule, its words (case and spacing ignored) and which
 * occurrence of those words it is. Edits elsewhere in the comment keep it; rewriting the words ends it.
 */
export function findingKeys(findings: readonly ObservedFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map(({ ruleId, phrase }) => {
    const base = `${ruleId}\u0000${phrase.toLowerCase().replace(/\s+/g, ' ').trim()}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return `${base}\u0000${occurrence}`;
  });
}

/**
 * The life of one comment document, from the tone check's passes, and what it adds to the week's figures
 * when it is finished. A comment is finished when, after text was typed in it:
 * - its text is emptied (the comment widget empties its box when the comment is submitted), or
 * - it closes with text in it (a cancelled comment box, a closed review document).
 * Text is typed when the document's version moved past `baseline` (the version it had when counting
 * began: 1 for a comment box, the version at the check for a document checked on demand).
 * After a comment is finished, the same document starts the next comment.
 */
export class CommentLedger {
  private typed = false;
  private hadText = false;
  private version: number;
  /** Every flag seen while this comment was written, by identity, with its rule. */
  private readonly seen = new Map<string, string>();
  /** Flags a quick fix resolved, by identity. */
  private readonly fixed = new Map<string, FixKind>();
  /** The flags in the comment's latest text. */
  private present = new Set<string>();
  /** The identities of the latest pass, in the order of its findings: what recordFix is given. */
  private latestKeys: string[] = [];

  constructor(private baseline: number) {
    this.version = baseline;
  }

  /** The version of the latest pass. */
  get lastVersion(): number {
    return this.version;
  }

  /** The identities of the latest pass's findings, in the pass's order. */
  get keysOfLatestPass(): readonly string[] {
    return this.latestKeys;
  }

  /** Takes a pass; returns the figures of the comment when the pass shows it was submitted (emptied). */
  observe(pass: CommentPass): CountDelta | undefined {
    this.version = pass.version;
    if (!pass.hasText) {
      this.latestKeys = [];
      if (!this.typed) return undefined;
      // Emptied: the flags of the last text it had are the ones that went out.
      return this.finish(pass.version);
    }
    if (pass.version > this.baseline) this.typed = true;
    this.hadText = true;
    const keys = findingKeys(pass.findings);
    pass.findings.forEach((finding, index) => this.seen.set(keys[index], finding.ruleId));
    this.present = new Set(keys);
    this.latestKeys = keys;
    return undefined;
  }

  /** A quick fix resolved these flags (identities from keysOfLatestPass). */
  recordFix(keys: readonly string[], kind: FixKind): void {
    for (const key of keys) {
      if (!this.seen.has(key)) continue;
      this.fixed.set(key, kind);
      this.present.delete(key);
    }
  }

  /** The document closed: the comment's figures when typed text was still in it, else undefined. */
  close(): CountDelta | undefined {
    return this.typed && this.hadText ? this.finish(this.version) : undefined;
  }

  private finish(version: number): CountDelta {
    const flagsByRule: Record<string, number> = {};
    let resolvedByRewrite = 0;
    let resolvedByLabel = 0;
    let leftInPlace = 0;
    for (const [key, ruleId] of this.seen) {
      flagsByRule[ruleId] = (flagsByRule[ruleId] ?? 0) + 1;
      // Present at the end wins over an earlier fix: the fix was undone.
      if (this.present.has(key)) leftInPlace++;
      else if (this.fixed.get(key) === 'rewrite') resolvedByRewrite++;
      else if (this.fixed.get(key) === 'label') resolvedByLabel++;
    }
    const delta: CountDelta = {
      commentsFinished: 1,
      commentsFlagged: this.seen.size > 0 ? 1 : 0,
      // Per comment, not per flag: the shares the Your Reviews view draws are shares of finished comments.
      commentsLeftFlagged: leftInPlace > 0 ? 1 : 0,
      commentsRewritten: resolvedByRewrite > 0 ? 1 : 0,
      flagsByRule,
      resolvedByRewrite,
      resolvedByLabel,
      leftInPlace,
    };
    this.typed = false;
    this.hadText = false;
    this.seen.clear();
    this.fixed.clear();
    this.present = new Set();
    this.baseline = version;
    return delta;
  }
}
