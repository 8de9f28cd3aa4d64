import * as assert from 'node:assert/strict';
import { parseCard } from '../../src/core/content/content';
import { SAMPLE_REVIEW_COMMENT, SAMPLE_TEAM_TIP } from '../../src/core/content/samples';
import { analyzeFeedback, markdownParagraphs } from '../../src/core/tone';

describe('walkthrough samples', () => {
  it('the sample team tip is a valid team card, and its how-to comments stay out of it', () => {
    const result = parseCard(SAMPLE_TEAM_TIP, 'our-first-tip.md', 'team');
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.card.title, 'Pass the retro around');
    assert.match(result.card.try ?? '', /^Ask someone who has never run a retro/, 'it shows the optional "try" step');
    assert.doesNotMatch(JSON.stringify(result.card), /Edit it, or copy it/);
  });

  it('the sample review comments show two findings, each with a rewrite, and leave the praise alone', () => {
    // A markdown document is checked paragraph by paragraph, as the extension does.
    const findings = markdownParagraphs(SAMPLE_REVIEW_COMMENT).flatMap(({ start, end }) => analyzeFeedback(SAMPLE_REVIEW_COMMENT.slice(start, end)).findings.map((finding) => ({ ...finding, start: finding.start + start, end: finding.end + start, suggestions: finding.suggestions })));
    const flagged = findings.map((finding) => SAMPLE_REVIEW_COMMENT.slice(finding.start, finding.end));
    assert.equal(findings.length, 2, flagged.join(' | '));
    assert.ok(findings.every((finding) => finding.suggestions.length > 0));
    assert.ok(flagged.every((text) => !/Nice work/.test(text)));
  });
});
