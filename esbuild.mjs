// One build script: the extension, the webview, the pure core, the content, and (with --tests) the tests.
import * as esbuild from 'esbuild';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
const root = path.dirname(fileURLToPath(import.meta.url));
const at = (...parts) => path.join(root, ...parts);

/**
 * The line of each rule's heading ("## imperative") in the shipped rules page: a finding's link opens the
 * page there (VS Code's opener reads a line from the fragment, `#L95`, but no markdown anchor).
 */
async function toneRuleLines() {
  const lines = (await readFile(at('docs/tone-rules.md'), 'utf8')).split(/\r?\n/);
  const found = {};
  lines.forEach((line, index) => {
    const id = /^## ([a-z]+(?:-[a-z]+)*)$/.exec(line)?.[1];
    if (id) found[id] = index + 1;
  });
  return found;
}
const TONE_RULE_LINES = await toneRuleLines();

const common = {
  bundle: true,
  define: { __TONE_RULE_LINES__: JSON.stringify(TONE_RULE_LINES) },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
};

async function markdownFiles(folder) {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

// content/de/, content/pt-br/ …: translations of built-in cards, by id.
const LOCALE_FOLDER = /^[a-z]{2}(?:-[a-z]{2,})?$/;

/**
 * Validates content/ with the core's own parsers and writes it as one JSON file the extension reads at
 * run time: dist/content.json in English, and dist/content.<locale>.json for each translation folder,
 * where a translated card or template takes the place of the English one with its id.
 */
async function buildContent() {
  const { loadCards, loadTemplates, TONE_RULES } = createRequire(import.meta.url)(at('dist/core.js'));
  const unlinked = TONE_RULES.filter((rule) => !TONE_RULE_LINES[rule.id]).map((rule) => rule.id);
  if (unlinked.length > 0) throw new Error(`docs/tone-rules.md has no "## <id>" heading for: ${unlinked.join(', ')}; nothing was built.`);
  const folder = at('content');
  const locales = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isDirectory() && LOCALE_FOLDER.test(entry.name)).map((entry) => entry.name);
  const read = async (base, skip = []) =>
    Promise.all(
      (await markdownFiles(base))
        .filter((file) => !skip.some((locale) => file.startsWith(path.join(base, locale) + path.sep)))
        .map(async (file) => ({ file: path.relative(base, file), text: await readFile(file, 'utf8') })),
    );
  const isTemplate = ({ file }) => file.startsWith(`templates${path.sep}`);
  const load = (files) => {
    const { cards, problems: cardProblems } = loadCards(files.filter((file) => !isTemplate(file)), 'builtin');
    const { templates, problems: templateProblems } = loadTemplates(files.filter(isTemplate), 'builtin');
    return { cards, templates, problems: [...cardProblems, ...templateProblems] };
  };
  const english = load(await read(folder, locales));
  const problems = english.problems.map((problem) => ({ ...problem, file: `content/${problem.file}` }));
  const translations = {};
  for (const locale of locales) {
    const translated = load(await read(path.join(folder, locale)));
    problems.push(...translated.problems.map((problem) => ({ ...problem, file: `content/${locale}/${problem.file}` })));
    for (const [items, originals] of [[translated.cards, english.cards], [translated.templates, english.templates]]) {
      for (const item of items) {
        const original = originals.find((candidate) => candidate.id === item.id);
        if (!original) problems.push({ file: `content/${locale}/${item.file}`, line: 1, message: `No English card or template has the id "${item.id}".` });
        else if (original.kind !== item.kind) problems.push({ file: `content/${locale}/${item.file}`, line: 1, message: `"${item.id}" is a ${original.kind} in English.` });
      }
    }
    const swap = (originals, items) => originals.map((original) => ({ ...(items.find((item) => item.id === original.id) ?? original), file: original.file }));
    translations[locale] = { cards: swap(english.cards, translated.cards), templates: swap(english.templates, translated.templates) };
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`${problem.file}:${problem.line}: ${problem.message}`);
    throw new Error(`${problems.length} problem(s) in content/; nothing was built.`);
  }
  await writeFile(at('dist/content.json'), JSON.stringify({ cards: english.cards, templates: english.templates }));
  for (const [locale, content] of Object.entries(translations)) await writeFile(at(`dist/content.${locale}.json`), JSON.stringify(content));
  await writeSnippets(english.cards, english.templates);
  return { cards: english.cards.length, templates: english.templates.length, locales };
}

/** Markdown snippets (contributes.snippets): every tip and review prompt, and a retro skeleton. */
async function writeSnippets(cards, templates) {
  const { tipBlock, renderTemplate, isInsertable } = createRequire(import.meta.url)(at('dist/core.js'));
  const snippets = {};
  for (const card of cards.filter(isInsertable)) {
    snippets[`Lead From Behind: ${card.title}`] = {
      prefix: [`lfb-${card.id}`, `tip-${card.id}`],
      description: card.summary,
      body: tipBlock(card, 'snippet').split('\n'),
    };
  }
  const retro = templates.find((template) => template.id === 'leading-from-behind');
  // Snippet variables fill the date when the snippet expands; the markers survive escaping untouched.
  const skeleton = renderTemplate(retro, { date: 'LFBDATE', weekday: 'LFBWEEKDAY', title: '' })
    .replaceAll('LFBDATE', '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}')
    .replaceAll('LFBWEEKDAY', '${CURRENT_DAY_NAME}');
  snippets['Lead From Behind: retro note'] = {
    prefix: ['lfb-retro', 'retro'],
    description: retro.description,
    body: skeleton.split('\n'),
  };
  await mkdir(at('dist/snippets'), { recursive: true });
  await writeFile(at('dist/snippets/markdown.json'), JSON.stringify(snippets, null, 2));
}

/**
 * What activation doesn't need loads from separate files in dist/lazy/, not only later inside one bundle:
 * each `import()` in src/ becomes its own file, and so does each vendor library below, so that two lazy
 * files share one copy of it. `prefix` is the path from the bundle being built to dist/lazy/.
 */
const LAZY_VENDORS = ['markdown-it', 'js-yaml'];
function lazyFiles(prefix, found) {
  return {
    name: 'lazy-files',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (LAZY_VENDORS.includes(args.path)) return { path: `${prefix}${args.path}.js`, external: true };
        if (args.kind !== 'dynamic-import' || !args.importer.startsWith(at('src') + path.sep)) return undefined;
        const file = path.resolve(args.resolveDir, args.path) + '.ts';
        found.add(file);
        return { path: `${prefix}${path.basename(file, '.ts')}.js`, external: true };
      });
    },
  };
}

async function buildLazyFiles(entries) {
  const nested = new Set();
  const lazy = { ...common, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'], outdir: at('dist/lazy'), supported: { 'dynamic-import': false }, metafile: true };
  await Promise.all([
    esbuild.build({ ...lazy, entryPoints: Object.fromEntries([...entries].map((file) => [path.basename(file, '.ts'), file])), plugins: [lazyFiles('./', nested)] }).then(shipped),
    ...LAZY_VENDORS.map((vendor) =>
      esbuild.build({ ...lazy, outdir: undefined, outfile: at('dist/lazy', `${vendor}.js`), stdin: { contents: `module.exports = require(${JSON.stringify(vendor)});`, resolveDir: root } }).then(shipped),
    ),
  ]);
  if ([...nested].some((file) => !entries.has(file))) throw new Error('A lazy file imports another lazily; build it here too.');
}

/** The browser build takes the web stand-in of each module that has one (node-files.ts → node-files.web.ts). */
const webStandIns = {
  name: 'web-stand-ins',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*node-files$/ }, (args) => ({ path: path.resolve(args.resolveDir, `${args.path}.web.ts`) }));
  },
};

/**
 * mocha's browser build is a UMD script. Bundled as it is, it sees this bundle's `module` and replaces its
 * exports (the test runner's `run`) with the mocha instance. With `module`, `exports` and `define` hidden,
 * it puts `mocha` on the global object, as it does in a page.
 */
const mochaAsScript = {
  name: 'mocha-as-script',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `(function (module, exports, define) {\n${await readFile(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

async function testEntryPoints(folder) {
  const entries = await readdir(at(folder), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

await rm(at('dist'), { recursive: true, force: true });
await mkdir(at('dist/webview/codicons'), { recursive: true });

// The npm packages bundled into what ships (not dist/core.js, which is for tools): the README lists them
// with their licences, and a test checks the list against dist/shipped-packages.json.
const shippedPackages = new Set(['node_modules/@vscode/codicons']); // copied into dist/webview/codicons/
const shipped = (result) => {
  for (const input of Object.keys(result.metafile.inputs)) {
    // The innermost package: a library's own copy of another counts as that other library.
    const folder = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    if (folder) shippedPackages.add(folder);
  }
};
const packageLicences = async () =>
  (
    await Promise.all(
      [...shippedPackages].map(async (folder) => {
        const { name, version, license } = JSON.parse(await readFile(at(folder, 'package.json'), 'utf8'));
        const files = (await readdir(at(folder))).filter((file) => /^(?:licen[cs]e|copying)/i.test(file)).sort();
        const texts = await Promise.all(files.map((file) => readFile(at(folder, file), 'utf8')));
        return { name, version, license, text: texts.join('\n').trim() };
      }),
    )
  ).sort((a, b) => a.name.localeCompare(b.name));

/** The bundles strip the libraries' comments: their licence texts ship here instead. */
async function writeNotices(packages) {
  const sections = packages.map(({ name, version, license, text }) => `## ${name} ${version} (${license})\n\n${text}\n`);
  await writeFile(at('dist/THIRD-PARTY-NOTICES.md'), `# Third-party notices\n\nLead From Behind bundles these libraries.\n\n${sections.join('\n')}`);
  await writeFile(at('dist/shipped-packages.json'), JSON.stringify(packages.map(({ name, version, license }) => ({ name, version, license })), null, 2));
}

const lazyEntries = new Set();
await Promise.all([
  esbuild
    .build({
      ...common,
      entryPoints: [at('src/extension.ts')],
      outfile: at('dist/extension.js'),
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      external: ['vscode'],
      plugins: [lazyFiles('./lazy/', lazyEntries)],
      // A lazy file loads through require(), like the bundle itself, not through Node's ESM loader.
      supported: { 'dynamic-import': false },
      metafile: true,
    })
    .then(shipped)
    .then(() => buildLazyFiles(lazyEntries)),
  // vscode.dev and github.dev: one file for the web worker extension host, with no Node built-ins.
  esbuild.build({
    ...common,
    entryPoints: [at('src/extension.ts')],
    outfile: at('dist/web/extension.js'),
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [webStandIns],
    metafile: true,
  }).then(shipped),
  // The sidebar views' page scripts, one per view, and the error page (with its Retry) that every view shares.
  esbuild.build({
    ...common,
    entryPoints: {
      sidebar: at('src/webview/main.ts'),
      'follow-through': at('src/webview/follow-through.ts'),
      'sidebar-error': at('src/webview/error.ts'),
      'your-reviews': at('src/webview/your-reviews.ts'),
    },
    outdir: at('dist/webview'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    metafile: true,
  }).then(shipped),
  esbuild.build({
    ...common,
    entryPoints: [at('src/core/index.ts')],
    outfile: at('dist/core.js'),
    platform: 'neutral',
    mainFields: ['main', 'module'],
    format: 'cjs',
    target: 'es2022',
  }),
  cp(at('node_modules/@vscode/codicons/dist/codicon.css'), at('dist/webview/codicons/codicon.css')),
  cp(at('node_modules/@vscode/codicons/dist/codicon.ttf'), at('dist/webview/codicons/codicon.ttf')),
]);
await writeNotices(await packageLicences());
const counts = await buildContent();

if (withTests) {
  await rm(at('out'), { recursive: true, force: true });
  await esbuild.build({
    ...common,
    minify: false,
    entryPoints: [...(await testEntryPoints('test/core')), ...(await testEntryPoints('test/integration')), ...(await testEntryPoints('test/webview')), at('test/fuzz/run.ts')],
    outbase: at('test'),
    outdir: at('out/test'),
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha', 'playwright-core', 'axe-core'],
  });
  // The web suite, one file for the web worker extension host, mocha's browser build inside.
  await esbuild.build({
    ...common,
    minify: false,
    entryPoints: [at('test/web/index.ts')],
    outfile: at('out/test/web/index.js'),
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [mochaAsScript],
  });
}

const translated = counts.locales.length ? ` (translated: ${counts.locales.join(', ')})` : '';
console.log(`built dist/ (${production ? 'production' : 'development'}): ${counts.cards} cards, ${counts.templates} templates${translated}${withTests ? ', and out/test/' : ''}`);
