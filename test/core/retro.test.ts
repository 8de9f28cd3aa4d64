import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { structuredNote } from '../fuzz/properties';
import { expandSnippet } from './fixtures';
import {
  MAX_SLUG_LENGTH,
  RetroTemplate,
  TemplateVariables,
  carriedOverSection,
  countTabStops,
  findPreviousNote,
  isoDate,
  loadTemplates,
  noteFileName,
  noteLinkTarget,
  openTaskItems,
  parseNoteDate,
  parseTemplate,
  previousNoteLink,
  renderTemplate,
  renderTemplatePlain,
  slugify,
  weekday,
} from '../../src/core/retro';


/** A template from a body; the front matter is always valid. */
function template(body: string): RetroTemplate {
  const result = parseTemplate(`---\nid: test\ntitle: Test\ndescription: A test.\nwhenToUse: In tests.\n---\n${body}`, 'test.md');
  if (!result.ok) assert.fail(JSON.stringify(result.problems));
  return result.template;
}

const VARS: TemplateVariables = { date: '2026-11-28', weekday: 'Saturday' };
const FULL: TemplateVariables = {
  ...VARS,
  title: 'Sprint 42',
  team: 'Falcons',
  previousNote: '[2026-11-14-sprint-41](2026-11-14-sprint-41.md)',
  carriedOver: '## Follow-ups from 2026-11-14\n\n- [ ] Fix the flaky test',
};

describe('retro templates: rendering', () => {
  it('substitutes variables, numbers tab stops in order and ends with $0', () => {
    const t = template('# {{title}} on {{weekday}} {{date}}\n\n## Wins\n- {{tabstop}}\n- {{tabstop:another}}\n\n## Next\n- [ ] {{tabstop}}');
    assert.equal(
      renderTemplate(t, FULL),
      '# Sprint 42 on Saturday 2026-11-28\n\n## Wins\n- ${1}\n- ${2:another}\n\n## Next\n- [ ] ${3}\n$0',
    );
    assert.equal(countTabStops(t, FULL), 3);
  });

  it('renders plain markdown with empty tab stops, or with their hints', () => {
    const t = template('# {{date}}\n- {{tabstop}}\n- {{tabstop:hint}}');
    assert.equal(renderTemplatePlain(t, VARS), '# 2026-11-28\n- \n- \n');
    assert.equal(renderTemplatePlain(t, VARS, { hints: true }), '# 2026-11-28\n- \n- hint\n');
  });

  it('keeps literal $, } and \\ in the template text, hints, title, team and carried-over items', () => {
    const t = template('# Costs $5 {or} \\n }} ${{title}}\n\nTeam {{team}}: use $HOME and $1 in `a}`\n\n{{carriedOver}}\n\n- {{tabstop:pay $2 }}');
    const vars: TemplateVariables = { ...VARS, title: '${1:x} $TM_FILENAME }', team: 'C:\\team}', carriedOver: '- [ ] check $PATH and ${2}\\' };
    const snippet = renderTemplate(t, vars);
    const expanded = expandSnippet(snippet);
    assert.equal(expanded.text, renderTemplatePlain(t, vars, { hints: true }));
    assert.deepEqual(expanded.stops, [1]);
    assert.match(expanded.text, /^# Costs \$5 \{or\} \\n \}\} \$\$\{1:x\} \$TM_FILENAME \}$/m);
    assert.match(expanded.text, /^- \[ \] check \$PATH and \$\{2\}\\$/m);
  });

  it('escaping round-trips any title, team and carried-over text (property)', () => {
    const t = template('# {{#title}}{{title}} · {{/title}}Retro {{date}}\n{{#team}}**Team:** {{team}}{{/team}}\n\n{{carriedOver}}\n\n- {{tabstop}}');
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, team, carriedOver) => {
        const vars = { ...VARS, title, team, carriedOver };
        const expanded = expandSnippet(renderTemplate(t, vars));
        assert.equal(expanded.text, renderTemplatePlain(t, vars, { hints: true }));
        assert.deepEqual(expanded.stops, [1]);
      }),
    );
  });

  it('escaping round-trips any literal template text (property)', () => {
    const literal = fc.string().filter((text) => !/\{\{|\$\{|[\r\n]/.test(text));
    fc.assert(
      fc.property(literal, literal, (heading, line) => {
        const t = template(`# x${heading}\n${line} {{tabstop:${line.replace(/[{}$]/g, '')}}} end`);
        const expanded = expandSnippet(renderTemplate(t, VARS));
        assert.equal(expanded.text, renderTemplatePlain(t, VARS, { hints: true }));
      }),
    );
  });

  it('leaves no dangling label, separator or gap when optional variables are empty', () => {
    const t = template(
      [
        '# {{#title}}{{title}} · {{/title}}Retro, {{date}}',
        '',
        '{{#team}}**Team:** {{team}} · {{/team}}**Date:** {{weekday}}{{#previousNote}} · **Previous:** {{previousNote}}{{/previousNote}}',
        '',
        '{{carriedOver}}',
        '',
        '## Wins',
        '- {{tabstop}}',
      ].join('\n'),
    );
    assert.equal(renderTemplatePlain(t, VARS), '# Retro, 2026-11-28\n\n**Date:** Saturday\n\n## Wins\n- \n');
    assert.equal(renderTemplatePlain(t, { ...VARS, title: '  ', team: '', previousNote: undefined, carriedOver: '\n' }), renderTemplatePlain(t, VARS));
    assert.equal(
      renderTemplatePlain(t, FULL),
      [
        '# Sprint 42 · Retro, 2026-11-28',
        '',
        '**Team:** Falcons · **Date:** Saturday · **Previous:** [2026-11-14-sprint-41](2026-11-14-sprint-41.md)',
        '',
        '## Follow-ups from 2026-11-14',
        '',
        '- [ ] Fix the flaky test',
        '',
        '## Wins',
        '- ',
        '',
      ].join('\n'),
    );
  });

  it('removes a line that comes out blank, but never text outside a section', () => {
    const t = template('# {{date}}\n{{team}}\n  {{#team}}x{{/team}}  \nTeam: {{team}}\n\n\nkept double gap');
    assert.equal(renderTemplatePlain(t, VARS), '# 2026-11-28\nTeam: \n\n\nkept double gap\n');
  });

  it('does not number tab stops hidden by an empty section', () => {
    const t = template('# {{date}}\n{{#team}}Team note: {{tabstop}}{{/team}}\n- {{tabstop}}\n- {{tabstop}}');
    assert.equal(renderTemplate(t, VARS), '# 2026-11-28\n- ${1}\n- ${2}\n$0');
    assert.equal(renderTemplate(t, { ...VARS, team: 'A' }), '# 2026-11-28\nTeam note: ${1}\n- ${2}\n- ${3}\n$0');
  });

  it('puts the final cursor at {{cursor}} when the template has one', () => {
    const t = template('# {{date}}\n- {{tabstop}}\n{{cursor}}\n\n## Notes');
    const snippet = renderTemplate(t, VARS);
    assert.equal(snippet, '# 2026-11-28\n- ${1}\n${0}\n\n## Notes\n');
    assert.equal(expandSnippet(snippet).final, '# 2026-11-28\n- \n'.length);
  });

  it('keeps a digit right after {{cursor}} as text, not part of the cursor (found by fuzzing)', () => {
    const expanded = expandSnippet(renderTemplate(template('# {{date}}\n{{cursor}}1. item'), VARS));
    assert.deepEqual(expanded, { text: '# 2026-11-28\n1. item\n', stops: [], final: '# 2026-11-28\n'.length });
  });

  it('keeps a title or team name on one line; only the carried-over section may span lines', () => {
    const t = template('# {{title}} {{date}}\nTeam {{team}}\n{{carriedOver}}');
    assert.equal(renderTemplatePlain(t, { ...VARS, title: 'a\r\nb', team: 'c\nd', carriedOver: 'e\r\nf' }), '# a b 2026-11-28\nTeam c d\ne\nf\n');
  });

  it('allows spaces inside tags and leaves brace text that is not a tag alone', () => {
    const t = template('# {{ date }} {{ #team }}{{ team }}{{ /team }}\n{{ }} {{two words}} {{{title}}}');
    assert.equal(renderTemplatePlain(t, { ...VARS, team: 'T', title: 'X' }), '# 2026-11-28 T\n{{ }} {{two words}} {X}\n');
  });

  it('refuses to render a body that does not parse', () => {
    assert.throws(() => renderTemplate({ id: 'bad', body: '# {{nope}}' }, VARS), /Unknown variable "nope"/);
  });
});

describe('retro templates: parsing', () => {
  const file = (fields: string, body: string) => `---\n${fields}\n---\n${body}`;
  const FIELDS = 'id: my-format\ntitle: My format\ndescription: What it is.\nwhenToUse: When to use it.';
  const problemsOf = (text: string) => {
    const result = parseTemplate(text, 'team/my-format.md', 'team');
    assert.equal(result.ok, false, 'expected problems');
    return result.ok ? [] : result.problems;
  };

  it('reads the front matter and the body', () => {
    const result = parseTemplate(file(FIELDS, '\n# {{date}}\n- {{tabstop}}\n\n'), 'team/my-format.md', 'team');
    assert.ok(result.ok);
    assert.deepEqual(result.template, {
      id: 'my-format',
      title: 'My format',
      description: 'What it is.',
      whenToUse: 'When to use it.',
      body: '# {{date}}\n- {{tabstop}}',
      origin: 'team',
      file: 'team/my-format.md',
    });
  });

  it('reads CRLF files, with problems on the right lines', () => {
    assert.ok(parseTemplate(file(FIELDS, '# {{date}}\n').replace(/\n/g, '\r\n'), 'x.md').ok);
    const problems = problemsOf(file(FIELDS, '# {{date}}\n\n{{nope}}\n').replace(/\n/g, '\r\n'));
    assert.deepEqual(problems.map((p) => p.line), [9]);
  });

  it('reads an opening "---" with trailing spaces, with problems on the right lines (found by fuzzing)', () => {
    assert.ok(parseTemplate(file(FIELDS, '# {{date}}\n').replace(/^---/, '--- '), 'x.md').ok);
    const problems = problemsOf(file(FIELDS, '# {{date}}\n{{/team}}\n').replace(/^---/, '---\t') + '---\n---\n');
    assert.deepEqual(problems.map((p) => p.line), [8]);
  });

  it('rejects a title, description or when-to-use that is only blanks, as missing (found by fuzzing)', () => {
    const problems = problemsOf(file('id: my-format\ntitle: " "\ndescription: "\\u00a0"\nwhenToUse: "\\t"', '# x'));
    assert.deepEqual(problems.map((p) => `${p.line}: ${p.message}`), ['title', 'description', 'whenToUse'].map((field) => `1: The front matter is missing "${field}".`));
  });

  it('reports missing and malformed fields at their lines', () => {
    const problems = problemsOf(file('id: My Format\ntitle: [a, b]\ndescription: |\n  two\n  lines\n', '# x'));
    assert.deepEqual(
      problems.map((p) => `${p.line}: ${p.message}`),
      [
        '1: The front matter is missing "whenToUse".',
        '2: "id" must be kebab-case, like "start-stop-continue" (found "My Format").',
        '3: "title" must be text.',
        '4: "description" must fit on one line.',
      ],
    );
  });

  it('reports what is wrong with tags, at the line of the tag', () => {
    const body = [
      '# {{date}}', // line 7
      '{{previousnote}}',
      '{{#team}}open',
      '{{#title}}{{/team}}{{/title}}',
      '{{/team}}',
      'Price ${1:x}',
      '{{date:x}} {{#tabstop}}',
      '{{cursor}} {{cursor}}',
    ].join('\n');
    const problems = problemsOf(file(FIELDS, body));
    assert.deepEqual(
      problems.map((p) => p.line),
      [8, 9, 10, 11, 12, 13, 13, 14],
    );
    assert.match(problems[0].message, /Unknown variable "previousnote".*previousNote/);
    assert.match(problems[1].message, /not closed on this line/);
    assert.match(problems[2].message, /closes \{\{#title\}\}/);
    assert.match(problems[3].message, /has no \{\{#team\}\}/);
    assert.match(problems[4].message, /\{\{tabstop\}\}/);
    assert.match(problems[5].message, /Only \{\{tabstop:…\}\} takes text/);
    assert.match(problems[6].message, /cannot open or close a section/);
    assert.match(problems[7].message, /only one \{\{cursor\}\}/);
  });

  it('needs a body that starts with a "# " heading', () => {
    assert.match(problemsOf(file(FIELDS, '## Not a title\n'))[0].message, /must start with a "# " heading/);
    // At the closing "---", the last line that surely exists.
    for (const body of ['', '\n', '\n\n  \n']) {
      const [{ file: where, line, message }] = problemsOf(file(FIELDS, body));
      assert.deepEqual({ file: where, line, message }, { file: 'team/my-format.md', line: 6, message: 'The template has no text below its front matter.' });
    }
    // YAML's "..." closes the block too (found by fuzzing: the problem was on line 0).
    const [{ line }] = problemsOf(file(FIELDS, '').replace(/---\n$/, '...\n'));
    assert.equal(line, 6);
  });

  it('shares the card parser’s front-matter messages', () => {
    assert.match(problemsOf('# no front matter')[0].message, /must start with a front-matter block/);
    assert.match(problemsOf('---\nid: x\n')[0].message, /not closed/);
    assert.equal(problemsOf('---\nid: [x\n---\n# y')[0].line > 1, true);
  });

  it('loads valid templates and rejects an id used twice', () => {
    const text = file(FIELDS, '# {{date}}');
    const { templates, problems } = loadTemplates(
      [
        { file: 'a.md', text },
        { file: 'b.md', text },
        { file: 'c.md', text: '# broken' },
        { file: 'd.md', text: text.replace('my-format', 'sailboat') },
      ],
      'team',
      new Map([['sailboat', 'the built-in templates']]),
    );
    assert.deepEqual(templates.map((t) => t.file), ['a.md']);
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line}: ${p.message}`),
      [
        'b.md:2: The id "my-format" is already used by a.md.',
        'c.md:1: The file must start with a front-matter block between two "---" lines.',
        'd.md:2: The id "sailboat" is already used by the built-in templates.',
      ],
    );
  });
});

describe('shipped retro templates', () => {
  const folder = path.join(process.cwd(), 'content', 'templates');
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ file: name, text: readFileSync(path.join(folder, name), 'utf8') }));
  const { templates, problems } = loadTemplates(files);
  const byId = new Map(templates.map((t) => [t.id, t]));

  it('all parse, with the ids commands and settings use, each in <id>.md', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(
      [...byId.keys()].sort(),
      ['4ls', 'daki', 'leading-from-behind', 'mad-sad-glad', 'sailboat', 'starfish', 'start-stop-continue'],
    );
    for (const t of templates) assert.equal(t.file, `${t.id}.md`);
  });

  it('explain every prompt in one italic line, followed by a tab stop for the answer', () => {
    for (const t of templates) {
      const lines = t.body.split('\n');
      const headings = lines.flatMap((line, index) => (line.startsWith('## ') ? [index] : []));
      assert.ok(headings.length >= 4, `${t.id} has prompts`);
      for (const index of headings) {
        assert.match(lines[index + 1], /^\*[^*].+[^*]\*$/, `${t.id}: "${lines[index]}" is explained`);
        assert.equal(lines[index + 2], '', t.id);
        assert.match(lines[index + 3], /\{\{tabstop\}\}/, `${t.id}: "${lines[index]}" has an answer tab stop`);
      }
    }
  });

  it('title the note with the title and date, and end with action items as open tasks', () => {
    for (const t of templates) {
      assert.match(t.body.split('\n')[0], /^# .*\{\{#title\}\}\{\{title\}\}.*\{\{\/title\}\}.*\{\{date\}\}/, t.id);
      assert.match(t.body, /## Action items\n\*.+\*\n\n- \[ \] \{\{tabstop\}\}$/, t.id);
      assert.match(t.body, /^\{\{carriedOver\}\}$/m, t.id);
      assert.match(t.description, /^[^\n]{10,140}$/, t.id);
      assert.match(t.whenToUse, /^[^\n]{10,140}$/, t.id);
    }
  });

  it('cover the model in the leading-from-behind format, in few enough sections for one retro', () => {
    const body = byId.get('leading-from-behind')!.body.toLowerCase();
    for (const idea of ['where the team led', 'stepped in front', 'crisis', 'collective genius', 'plan', 'support', 'growth', 'lead or to learn', 'goes first next time']) {
      assert.ok(body.includes(idea), idea);
    }
    const sections = body.match(/^## .+$/gm)!.filter((heading) => heading !== '## action items');
    assert.ok(sections.length <= 7, `${sections.length} sections: ${sections.join(', ')}`);
  });

  it('title every note the same way, "<format> retro, <date>", and put each prompt as a question', () => {
    for (const t of templates) {
      assert.match(t.body.split('\n')[0], /^# \{\{#title\}\}\{\{title\}\} · \{\{\/title\}\}[A-Z0-9][^{]* retro, \{\{date\}\}$/, t.id);
      const prompts = [...t.body.matchAll(/^## (.+)\n\*(.+)\*$/gm)].filter(([, heading]) => heading !== 'Action items');
      for (const [, heading, prompt] of prompts) assert.match(prompt, /\?/, `${t.id}: "${heading}"`);
    }
  });

  it('describe a format named by its parts with a colon after the parts, not a comma', () => {
    for (const id of ['4ls', 'daki', 'starfish', 'start-stop-continue']) {
      assert.match(byId.get(id)!.description, /^[^,:]+(?:, [^,:]+)+: /, id);
    }
  });

  it('have the prompts of their formats', () => {
    const prompts = (id: string) => byId.get(id)!.body.match(/^## .+$/gm)!.map((line) => line.slice(3)).filter((h) => h !== 'Action items');
    assert.deepEqual(prompts('start-stop-continue'), ['Start', 'Stop', 'Continue']);
    assert.deepEqual(prompts('4ls'), ['Liked', 'Learned', 'Lacked', 'Longed for']);
    assert.deepEqual(prompts('mad-sad-glad'), ['Mad', 'Sad', 'Glad']);
    assert.deepEqual(prompts('sailboat'), ['Island', 'Wind', 'Anchors', 'Rocks']);
    assert.deepEqual(prompts('starfish'), ['Keep doing', 'More of', 'Less of', 'Stop doing', 'Start doing']);
    assert.deepEqual(prompts('daki'), ['Drop', 'Add', 'Keep', 'Improve']);
  });

  it('render to snippets with tab stops 1…n, $0 last and every tag resolved, with or without optional values', () => {
    for (const t of templates) {
      for (const vars of [VARS, FULL]) {
        const snippet = renderTemplate(t, vars);
        const expanded = expandSnippet(snippet);
        const count = countTabStops(t, vars);
        assert.deepEqual(expanded.stops, Array.from({ length: count }, (_, i) => i + 1), t.id);
        assert.ok(snippet.endsWith('\n$0'), t.id);
        assert.equal(expanded.text, renderTemplatePlain(t, vars, { hints: true }), t.id);
        assert.doesNotMatch(expanded.text, /\{\{|\}\}|\n\n\n/, t.id);
        assert.match(expanded.text, /^# \S/, t.id);
      }
      const bare = renderTemplatePlain(t, VARS);
      assert.doesNotMatch(bare, /\*\*Team:\*\*|Previous retro|Follow-ups|^# · /, t.id);
      assert.ok(renderTemplatePlain(t, FULL).startsWith('# Sprint 42 · '), t.id);
    }
  });

  it('give notes whose action items carry over once filled in', () => {
    for (const t of templates) {
      const note = renderTemplatePlain(t, VARS).replace(/^- \[ \] $/m, '- [ ] Book the room for the demo');
      assert.deepEqual(openTaskItems(note), ['- [ ] Book the room for the demo'], t.id);
      assert.deepEqual(openTaskItems(renderTemplatePlain(t, VARS)), [], `${t.id}: an unfilled action line is not carried`);
    }
  });
});

describe('retro note names', () => {
  it('slugs titles to lowercase ASCII words joined by hyphens', () => {
    assert.equal(slugify('Sprint 42'), 'sprint-42');
    assert.equal(slugify('  Café crème — Q3 / "big" release!  '), 'cafe-creme-q3-big-release');
    assert.equal(slugify('Straße, Øresund, Łódź, Æsir'), 'strasse-oresund-lodz-aesir');
    assert.equal(slugify('İstanbul ＦＵＬＬ ｗｉｄｔｈ'), 'istanbul-full-width');
    assert.equal(slugify('🚀 Launch 🚀 day 🎉'), 'launch-day');
    assert.equal(slugify('snake_case--and...dots'), 'snake-case-and-dots');
  });

  it('falls back when nothing usable is left', () => {
    assert.equal(slugify(''), 'retro');
    assert.equal(slugify('🚀🎉'), 'retro');
    assert.equal(slugify('Ретро', 'sailboat'), 'sailboat');
    assert.equal(slugify('---', '4ls'), '4ls');
    assert.equal(slugify('', '  Bad Fallback! '), 'bad-fallback');
    assert.equal(slugify('', '!!!'), 'retro');
  });

  it('shortens long titles at a word boundary', () => {
    const title = 'The quarterly planning retrospective for the payments and onboarding squads';
    const slug = slugify(title);
    assert.equal(slug, 'the-quarterly-planning-retrospective-for-the-payments-and');
    assert.ok(slug.length <= MAX_SLUG_LENGTH);
    assert.equal(slugify('x'.repeat(200)), 'x'.repeat(MAX_SLUG_LENGTH));
    assert.equal(slugify(`${'a'.repeat(59)} b`), 'a'.repeat(59));
    assert.equal(slugify(`${'a'.repeat(60)} b`), 'a'.repeat(60));
  });

  it('always gives [a-z0-9] words joined by single hyphens, at most 60 characters (property)', () => {
    const shape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
    for (const unit of ['grapheme', 'binary'] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 120 }), fc.string({ unit: 'grapheme-ascii' }), (title, fallback) => {
          const slug = slugify(title, fallback);
          assert.match(slug, shape);
          assert.ok(slug.length <= MAX_SLUG_LENGTH);
          assert.equal(slugify(slug), slug, 'a slug is its own slug');
        }),
      );
    }
  });

  it('names notes by date and slug, numbering later attempts', () => {
    assert.equal(noteFileName('2026-11-28', 'sprint-42'), '2026-11-28-sprint-42.md');
    assert.equal(noteFileName('2026-11-28', 'sprint-42', 1), '2026-11-28-sprint-42.md');
    assert.equal(noteFileName('2026-11-28', 'sprint-42', 2), '2026-11-28-sprint-42-2.md');
    assert.equal(noteFileName(new Date(2026, 10, 28, 23, 30), 'sprint-42', 3), '2026-11-28-sprint-42-3.md');
    assert.throws(() => noteFileName('2026-11-28', 'x', 0), RangeError);
    assert.throws(() => noteFileName('2026-11-28', 'x', 1.5), RangeError);
  });

  it('dates notes in local time', () => {
    assert.equal(isoDate(new Date(2026, 0, 5)), '2026-01-05');
    assert.equal(isoDate(new Date(2026, 10, 28, 23, 59, 59)), '2026-11-28');
    assert.equal(isoDate(new Date(2026, 10, 28, 0, 0, 1)), '2026-11-28');
    assert.throws(() => isoDate(new Date('nope')), RangeError);
    assert.equal(weekday(new Date(2026, 10, 26)), 'Thursday');
    assert.equal(weekday(new Date(2026, 10, 29, 23, 59)), 'Sunday');
    assert.equal(weekday(new Date(2026, 10, 26), 'de'), 'Donnerstag');
  });

  it('every file name carries its date back out', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1000, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true }), fc.string(), fc.integer({ min: 1, max: 99 }), (date, title, attempt) => {
        assert.equal(parseNoteDate(noteFileName(date, slugify(title), attempt)), isoDate(date));
      }),
    );
  });
});

describe('finding the previous note', () => {
  it('reads the date at the start of a file name', () => {
    assert.equal(parseNoteDate('2026-11-28-sprint-42.md'), '2026-11-28');
    assert.equal(parseNoteDate('2026-11-28.md'), '2026-11-28');
    assert.equal(parseNoteDate('retros/2026-11-28-x.md'), '2026-11-28');
    assert.equal(parseNoteDate('retros\\2026-11-28-x.md'), '2026-11-28');
    assert.equal(parseNoteDate('2028-02-29-leap.md'), '2028-02-29');
    for (const name of ['notes.md', 'retro-2026-11-28.md', '2026-13-01-x.md', '2026-02-29-x.md', '2026-04-31.md', '2026-11-00.md', '20261128.md', '2026-11-280.md', '']) {
      assert.equal(parseNoteDate(name), undefined, name);
    }
  });

  it('picks the latest note on or before today, ignoring undated, future and non-markdown files', () => {
    const names = ['README.md', 'notes.md', '2026-10-31-sprint-40.md', '2026-11-14-sprint-41.md', '2026-11-20-board.png', '2026-12-12-sprint-43.md', '2026-11-07-x.txt'];
    assert.deepEqual(findPreviousNote(names, '2026-11-28'), { fileName: '2026-11-14-sprint-41.md', date: '2026-11-14' });
    assert.deepEqual(findPreviousNote(names, new Date(2026, 10, 1)), { fileName: '2026-10-31-sprint-40.md', date: '2026-10-31' });
    assert.equal(findPreviousNote(names, '2026-10-30'), undefined);
    assert.equal(findPreviousNote([], '2026-10-30'), undefined);
    assert.equal(findPreviousNote(['README.md', 'ideas.md'], '2026-10-30'), undefined);
  });

  it('counts a note from earlier today, but not the new note itself', () => {
    const names = ['2026-11-14-sprint-41.md', '2026-11-28-sprint-42.md'];
    assert.equal(findPreviousNote(names, '2026-11-28')?.fileName, '2026-11-28-sprint-42.md');
    assert.equal(findPreviousNote(names, '2026-11-28', '2026-11-28-sprint-42.md')?.fileName, '2026-11-14-sprint-41.md');
  });

  it('orders same-day notes by their attempt number', () => {
    const names = ['2026-11-28-sprint-42-3.md', '2026-11-28-sprint-42.md', '2026-11-28-sprint-42-2.md', '2026-11-28-sprint-42-10.md'];
    assert.equal(findPreviousNote(names, '2026-11-28')?.fileName, '2026-11-28-sprint-42-10.md');
    assert.equal(findPreviousNote(names.slice(0, 3), '2026-11-28')?.fileName, '2026-11-28-sprint-42-3.md');
    assert.equal(findPreviousNote(names.slice(0, 3), '2026-11-28', '2026-11-28-sprint-42-3.md')?.fileName, '2026-11-28-sprint-42-2.md');
  });

  it('reads a trailing number as a title unless the unnumbered note exists', () => {
    // "sprint-42" is not attempt 42 of "sprint": there is no 2026-11-28-sprint.md.
    const names = ['2026-11-28-sprint-42.md', '2026-11-28-sprint-42-2.md', '2026-11-28-sprint-5.md'];
    assert.equal(findPreviousNote(names, '2026-11-28')?.fileName, '2026-11-28-sprint-5.md');
    assert.equal(findPreviousNote(['2026-11-28-a.md', '2026-11-28-b.md'], '2026-11-28')?.fileName, '2026-11-28-b.md');
  });

  it('never returns a note after today, an undated one or the excluded one (property)', () => {
    const name = fc.oneof(
      fc.tuple(fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }), fc.constantFrom('a', 'b', 'a-2', 'b-3'), fc.constantFrom('.md', '.txt')).map(([d, s, e]) => `${isoDate(d)}-${s}${e}`),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(name), fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }), (names, today) => {
        const exclude = names[0];
        const found = findPreviousNote(names, today, exclude);
        if (found === undefined) {
          assert.ok(names.every((n) => n === exclude || !/\.md$/i.test(n) || (parseNoteDate(n) ?? '9999') > isoDate(today)));
          return;
        }
        assert.notEqual(found.fileName, exclude);
        assert.ok(names.includes(found.fileName));
        assert.equal(found.date, parseNoteDate(found.fileName));
        assert.ok(found.date <= isoDate(today));
        for (const other of names) {
          const date = parseNoteDate(other);
          if (other !== exclude && /\.md$/i.test(other) && date !== undefined && date <= isoDate(today)) assert.ok(date <= found.date);
        }
      }),
    );
  });
});

describe('open action items', () => {
  const items = (...lines: string[]) => openTaskItems(lines.join('\n'));

  it('takes unchecked items of every list marker and leaves checked ones', () => {
    assert.deepEqual(
      items('# Retro', '', '- [ ] a', '- [x] b', '* [ ] c', '+ [ ] d', '- [X] e', '', '1. [ ] f', '2. [x] g', '3. [ ] h', '', '7) [ ] i'),
      ['- [ ] a', '* [ ] c', '+ [ ] d', '1. [ ] f', '1. [ ] h', '1) [ ] i'],
    );
  });

  it('renumbers a numbered item that now starts a list, keeping its text in its column', () => {
    // "3. x" cannot interrupt a paragraph: joined under another item it would become that item's text.
    const found = items('8. [x] done', '9. [ ] nine', '10. [ ] ten', '    - [ ] under ten');
    assert.deepEqual(found, ['1. [ ] nine', '1.  [ ] ten\n    - [ ] under ten']);
    assert.deepEqual(openTaskItems(['- [ ] a', ...found].join('\n')), ['- [ ] a', ...found]);
    // Inside a carried item, only a number that starts the list again changes.
    assert.deepEqual(items('- [ ] a', '  1. step', '  2. [x] done', '  3. step'), ['- [ ] a\n  1. step\n  3. step']);
    assert.deepEqual(items('- [ ] a', '  1. [x] done', '  2. step'), ['- [ ] a\n  1. step']);
  });

  it('keeps the meaning of lines that followed a removed checked item', () => {
    // The rule and the empty item stood after "b"; straight after "a" they would be a heading underline and text.
    assert.deepEqual(items('- [ ] a', '  - [x] b', '', '  ---'), ['- [ ] a\n\n  ---']);
    assert.deepEqual(items('- [ ] a', '  - [x] b', '  ---'), ['- [ ] a\n\n  ---']);
    assert.deepEqual(items('- [ ] a', '   - [x] b', '    *'), ['- [ ] a\n\n    *']);
    assert.deepEqual(items('- [ ] a', '  - [x] b', '    ~~~', '   text', ' \t---'), ['- [ ] a\n\n   text\n \t---']);
    // An item with text needs no gap.
    assert.deepEqual(items('- [ ] a', '  - [x] b', '  - c'), ['- [ ] a\n  - c']);
  });

  it('keeps a lazy line that looks like a list item as text of its item', () => {
    // Indented 4, the second line could not start a list, so it continues the first item's paragraph.
    const found = items('  1. [ ] Call the vendor', '    - about the renewal');
    assert.deepEqual(found, ['1. [ ] Call the vendor\n       - about the renewal']);
    assert.deepEqual(openTaskItems(found[0]), found);
  });

  it('is empty for an empty note or one without open items', () => {
    assert.deepEqual(openTaskItems(''), []);
    assert.deepEqual(openTaskItems('\n \r\n\t'), []);
    assert.deepEqual(items('# Retro', '', '- [x] done', '- plain', '1. numbered', 'Text with [ ] a box'), []);
  });

  it('leaves out items struck through from the start, as dropped, and lifts their open sub-items', () => {
    assert.deepEqual(
      items('- [ ] ~~Write the runbook @sam~~ (dropped 2026-11-30)', '  - note on it', '  - [ ] Sub-step', '- [ ] ~~Struck~~', '- [ ] Keep ~~this~~ one', '- [ ] ~~Write~~ Review the runbook'),
      ['- [ ] Sub-step', '- [ ] Keep ~~this~~ one', '- [ ] ~~Write~~ Review the runbook'],
    );
  });

  it('ignores things that only look like tasks', () => {
    assert.deepEqual(items('- [ ]', '- [ ]   ', '- []', '- [ ]text', '- [-] dash', '- [y] y', '- [  ] two spaces', '- x [ ] later', '[ ] no list'), []);
  });

  it('keeps nested open items and notes with their relative indentation, without checked ones', () => {
    assert.deepEqual(
      items('- [ ] Ship the export', '  - [ ] CSV', '  - [x] JSON', '    - detail of JSON', '  - context note', '    - [ ] XML', '- [x] Done'),
      ['- [ ] Ship the export\n  - [ ] CSV\n  - context note\n    - [ ] XML'],
    );
  });

  it('lifts an open item out of a checked parent or a plain bullet (nothing agreed is lost)', () => {
    assert.deepEqual(
      items('- [x] Release 2.0', '  - [ ] Write the changelog', '    - [ ] for the API too', '  - [x] Tag it', '- Backend', '    - [ ] Migrate the DB', '      more about it'),
      ['- [ ] Write the changelog\n  - [ ] for the API too', '- [ ] Migrate the DB\n  more about it'],
    );
    // Inside a carried item, a grandchild under a checked child moves up to the child's place.
    assert.deepEqual(
      items('1. [ ] Parent', '   1. [x] Done child', '      - note on the done child', '      - [ ] Open grandchild', '   2. [ ] Open child'),
      ['1. [ ] Parent\n   - [ ] Open grandchild\n   1. [ ] Open child'],
    );
  });

  it('keeps continuation lines, lazy lines and later paragraphs of an item', () => {
    assert.deepEqual(items('- [ ] Talk to ops', '  about the pager rota', 'lazy continuation', '', '  A second paragraph.', '', '- [x] closed', '  with text'), [
      '- [ ] Talk to ops\n  about the pager rota\nlazy continuation\n\n  A second paragraph.',
    ]);
    assert.deepEqual(items('- [ ] Loose one', '', '- [ ] Loose two', ''), ['- [ ] Loose one', '- [ ] Loose two']);
  });

  it('does not see tasks in fenced or indented code', () => {
    assert.deepEqual(
      items(
        '```md',
        '- [ ] in a backtick fence',
        '```',
        '~~~',
        '- [ ] in a tilde fence',
        '~~~',
        '````',
        '```',
        '- [ ] inside a longer fence',
        '```',
        '- [ ] still inside',
        '````',
        '   ```',
        '- [ ] in an indented fence',
        '   ```',
        '',
        '    - [ ] indented code',
        '',
        '- [ ] Real one',
      ),
      ['- [ ] Real one'],
    );
    // A fence that is never closed runs to the end of the note.
    assert.deepEqual(items('- [ ] before', '```', '- [ ] after an unclosed fence'), ['- [ ] before']);
  });

  it('keeps a code block inside an open item as part of it', () => {
    assert.deepEqual(items('- [ ] Fix the script', '  ```sh', '  - [ ] not a task', '  ```', '- [ ] Next'), ['- [ ] Fix the script\n  ```sh\n  - [ ] not a task\n  ```', '- [ ] Next']);
  });

  it('does not see tasks in block quotes or HTML blocks', () => {
    assert.deepEqual(items('> - [ ] quoted', '> > - [ ] deeper', '', '>- [ ] no space', '', '<!--', '- [ ] commented out', '-->', '', '- [ ] Real one', '  > - [ ] quote inside the item'), [
      '- [ ] Real one\n  > - [ ] quote inside the item',
    ]);
  });

  it('reads CRLF and BOM files like LF ones', () => {
    const note = '# Retro\n\n- [ ] a\n  - [ ] b\n  continued\n- [x] c\n```\n- [ ] d\n```\n';
    assert.deepEqual(openTaskItems(`\uFEFF${note.replace(/\n/g, '\r\n')}`), openTaskItems(note));
    assert.deepEqual(openTaskItems(note), ['- [ ] a\n  - [ ] b\n  continued']);
  });

  it('keeps a lazy line’s leading no-break space or line separator, which markdown reads as text (found by fuzzing)', () => {
    assert.deepEqual(items('- [ ] open', '\u00A0   - [ ] nested'), ['- [ ] open\n\u00A0   - [ ] nested']);
    assert.deepEqual(items('- [x] done', '  - [ ] open', '\u2028 - [ ] text'), ['- [ ] open\n\u2028 - [ ] text']);
  });

  it('handles tab indentation', () => {
    assert.deepEqual(items('- [x] done', '\t- [ ] tabbed', '\t\tdeeper text'), ['- [ ] tabbed\n    deeper text']);
  });

  it('carries every open item and no checked one, in blocks that read back the same (property)', () => {
    // Notes written with consistent indentation (children at their parent's text column), as the fuzzer writes them.
    fc.assert(
      fc.property(structuredNote, ({ text: note, carried, left }) => {
        const found = openTaskItems(note);
        const text = found.join('\n');
        for (const id of carried) assert.match(text, new RegExp(`\\b${id}\\b`), `${id} is carried`);
        for (const id of left) assert.doesNotMatch(text, new RegExp(`\\b${id}\\b`), `${id} is left behind`);
        assert.doesNotMatch(text, /not a task\n- \[ \]/);
        assert.deepEqual(openTaskItems(text), found);
      }),
      { numRuns: 500 },
    );
  });

  it('gives items that read back as the same items', () => {
    const note = ['- [ ] a', '  - [x] b', '    - [ ] c', '- plain', '  1. [ ] d', '     text', '- [ ] e', '', '  para'].join('\n');
    const first = openTaskItems(note);
    assert.deepEqual(openTaskItems(first.join('\n')), first);
  });
});

describe('carried-over section', () => {
  it('is a heading, a link to the old note and the items', () => {
    assert.equal(
      carriedOverSection(['- [ ] a', '2. [ ] b\n   more'], { date: '2026-11-14', link: '2026-11-14-sprint-41.md' }),
      '## Follow-ups from 2026-11-14\n\nStill open from [the previous retro](2026-11-14-sprint-41.md):\n\n- [ ] a\n2. [ ] b\n   more',
    );
    assert.equal(carriedOverSection([], { date: '2026-11-14', link: 'x.md' }), '');
  });

  it('links notes whose names have spaces or brackets', () => {
    assert.equal(noteLinkTarget('2026-11-14 sprint (41).md'), '2026-11-14%20sprint%20%2841%29.md');
    assert.equal(previousNoteLink('2026-11-14-sprint-41.md'), '[2026-11-14-sprint-41](2026-11-14-sprint-41.md)');
    assert.equal(previousNoteLink('2026-11-14 [draft]_x.md'), '[2026-11-14 \\[draft\\]\\_x](2026-11-14%20%5Bdraft%5D_x.md)');
  });

  it('goes from the old note to the new snippet, with $ and } in items intact', () => {
    const folder = ['2026-11-14-sprint-41.md', '2026-10-31-sprint-40.md', 'README.md'];
    const oldNote = '# Sprint 41\r\n\r\n## Action items\r\n- [ ] Budget $300 for {tools}\r\n- [x] Done\r\n- [ ] Escape \\d in the regex\r\n';
    const previous = findPreviousNote(folder, '2026-11-28')!;
    const open = openTaskItems(oldNote);
    const vars: TemplateVariables = {
      ...VARS,
      title: 'Sprint 42',
      previousNote: previousNoteLink(previous.fileName),
      carriedOver: carriedOverSection(open, { date: previous.date, link: noteLinkTarget(previous.fileName) }),
    };
    const t = template('# {{title}}, {{date}}\n{{#previousNote}}Previous: {{previousNote}}{{/previousNote}}\n\n{{carriedOver}}\n\n## Action items\n- [ ] {{tabstop}}');
    const expanded = expandSnippet(renderTemplate(t, vars)).text;
    assert.equal(
      expanded,
      [
        '# Sprint 42, 2026-11-28',
        'Previous: [2026-11-14-sprint-41](2026-11-14-sprint-41.md)',
        '',
        '## Follow-ups from 2026-11-14',
        '',
        'Still open from [the previous retro](2026-11-14-sprint-41.md):',
        '',
        '- [ ] Budget $300 for {tools}',
        '- [ ] Escape \\d in the regex',
        '',
        '## Action items',
        '- [ ] ',
        '',
      ].join('\n'),
    );
    // Carried items stay open in the new note, so they move on again until someone ticks them.
    assert.deepEqual(openTaskItems(expanded), ['- [ ] Budget $300 for {tools}', '- [ ] Escape \\d in the regex']);
  });
});
