/**
 * Review comments, one a paragraph, as the walkthrough's tone check sample: two directive ones, each with
 * a rewrite, and some praise.
 */
export const SAMPLE_REVIEW_COMMENT = `Can you rename \`fetchAll\` to \`fetchAllPages\`? The old name hides the paging.

We should add a test for an empty response too.

Nice work on the retry logic, by the way!
`;

export const SAMPLE_TEAM_TIP_FILE = 'our-first-tip.md';

/** The team's first card. The YAML comments say how to make it the team's own; they never show. */
export const SAMPLE_TEAM_TIP = `---
# The team's own tip. Edit it, or copy it to write more: every *.md file in this folder becomes a card in
# the sidebar and in "Insert Tip…", marked as the team's. Files in templates/ become retro formats.
id: our-first-tip
kind: tip
title: Pass the retro around
summary: A different person runs each retro, so the meeting belongs to the whole team.
tags: [retro, facilitation, team]
order: 100
question: "Who on the team has never run a retro, and what would help them try?"
try: "Ask someone who has never run a retro to run the next one, and offer to prepare it with them."
---
When the same person always runs the retro, it starts to sound like them. Hand it to someone new each
sprint, and take a seat at the back.

## In a software team
The newest developer runs this sprint's retro with the Sailboat format. The lead writes notes and speaks
last, so the first ideas on the board are the team's.
`;
