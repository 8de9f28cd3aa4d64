import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Commands, ContextKeys, InternalCommands, SIDEBAR_VIEW_ID } from '../../src/common/commands';
import { SETTING_DEFAULTS, Settings } from '../../src/common/setting-defaults';
import { TONE_RULES } from '../../src/core/tone';

// package.json against the code: what the manifest promises is what the code does, and the other way round.

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

interface ConfigurationProperty {
  type: string;
  default: unknown;
  enum?: unknown[];
  enumDescriptions?: string[];
  items?: { type: string; enum?: unknown[]; enumDescriptions?: string[] };
}

const manifest = readJson('package.json');
const contributes = manifest.contributes;
const contributedCommands: string[] = contributes.commands.map((command: { command: string }) => command.command);
const properties: Record<string, ConfigurationProperty> = contributes.configuration.properties;
const english: Record<string, string> = readJson('package.nls.json');

/** The manifest text behind a `%key%` placeholder. */
const localized = (value: string) => english[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;

/** Every TypeScript file under src/, with its text. */
function sources(): { file: string; text: string }[] {
  return readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ file: `src/${file}`, text: readFileSync(path.join(root, 'src', file), 'utf8') }));
}

/**
 * The id of every command the sources register, from the first argument of each registerCommand or
 * registerTextEditorCommand call. It must name a constant from commands.ts, so it can be resolved here.
 */
function registeredCommands(): string[] {
  const constants: Record<string, Record<string, string>> = { Commands, InternalCommands };
  const registered: string[] = [];
  for (const { file, text } of sources()) {
    for (const match of text.matchAll(/\.register(?:TextEditor)?Command\(\s*([^,)]*)/g)) {
      const [object, name] = match[1].trim().split('.');
      const id = constants[object]?.[name];
      assert.ok(id, `${file}: registers ${match[1].trim()}; use a constant from src/common/commands.ts`);
      registered.push(id);
    }
  }
  return registered;
}

/** Every `command` a menu or keybinding names. */
function menuAndKeybindingCommands(): { where: string; command: string }[] {
  const menus = Object.entries(contributes.menus ?? {}) as [string, { command?: string; submenu?: string }[]][];
  const fromMenus = menus.flatMap(([menu, items]) => items.filter((item) => item.command).map((item) => ({ where: `menus.${menu}`, command: item.command! })));
  const keybindings: { command: string }[] = contributes.keybindings ?? [];
  const fromKeys = keybindings.map((binding) => ({ where: 'keybindings', command: binding.command.replace(/^-/, '') }));
  return [...fromMenus, ...fromKeys];
}

/** Every `when` clause of the manifest. */
function whenClauses(): string[] {
  const clauses: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'when' && typeof inner === 'string') clauses.push(inner);
        else visit(inner);
      }
    }
  };
  visit(contributes);
  return clauses;
}

describe('the manifest against the code', () => {
  it('registers every contributed command once, and contributes every registered one but the internal', () => {
    const registered = registeredCommands();
    const internal = new Set<string>(Object.values(InternalCommands));
    assert.deepEqual(registered.filter((id, index) => registered.indexOf(id) !== index), [], 'registered twice');
    assert.deepEqual(contributedCommands.filter((id) => !registered.includes(id)), [], 'contributed, never registered');
    assert.deepEqual(registered.filter((id) => !contributedCommands.includes(id) && !internal.has(id)), [], 'registered, not contributed nor internal');
    assert.deepEqual([...internal].filter((id) => contributedCommands.includes(id)), [], 'internal, yet contributed');
  });

  it('keeps commands.ts and the manifest in step: each Commands id is contributed', () => {
    assert.deepEqual(Object.values(Commands).filter((id) => !contributedCommands.includes(id)), []);
    assert.deepEqual(contributedCommands.filter((id) => !(Object.values(Commands) as string[]).includes(id)), []);
  });

  it('names only contributed commands in menus, keybindings, walkthroughs, activation events and command links', () => {
    const named = [
      ...menuAndKeybindingCommands(),
      ...(manifest.activationEvents as string[]).filter((event) => event.startsWith('onCommand:')).map((event) => ({ where: 'activationEvents', command: event.slice('onCommand:'.length) })),
    ];
    for (const walkthrough of contributes.walkthroughs ?? []) {
      for (const step of walkthrough.steps) {
        for (const event of (step.completionEvents ?? []) as string[]) {
          if (event.startsWith('onCommand:')) named.push({ where: `walkthrough step ${step.id}`, command: event.slice('onCommand:'.length) });
        }
      }
    }
    // Command links in the manifest's texts (walkthrough steps, setting descriptions), in every language.
    for (const file of readdirSync(root).filter((name) => /^package\.nls(?:\.[\w-]+)?\.json$/.test(name))) {
      for (const [key, text] of Object.entries(readJson(file) as Record<string, string>)) {
        for (const match of text.matchAll(/\(command:([\w.]+)/g)) named.push({ where: `${file} ${key}`, command: match[1] });
      }
    }
    assert.ok(named.length >= 10, 'the manifest names commands');
    assert.deepEqual(named.filter(({ command }) => !contributedCommands.includes(command)), []);
  });

  it('uses only context keys that the code sets, and views that the manifest contributes', () => {
    const views: string[] = Object.values(contributes.views as Record<string, { id: string }[]>).flatMap((list) => list.map((view) => view.id));
    assert.ok(views.includes(SIDEBAR_VIEW_ID), SIDEBAR_VIEW_ID);
    const ours = new Set<string>([...Object.values(ContextKeys), ...views]);
    const used = whenClauses().flatMap((clause) => [...clause.matchAll(/\bleadFromBehind\.[\w.]+/g)].map((match) => match[0]));
    assert.ok(used.length > 0);
    assert.deepEqual(used.filter((key) => !ours.has(key)), []);
  });

  it('contributes exactly the settings the code reads, each with the default the code uses', () => {
    const keys = Object.entries(Settings).filter(([name]) => name !== 'section').map(([, key]) => `${Settings.section}.${key}`);
    assert.deepEqual(Object.keys(properties).sort(), keys.sort());
    assert.deepEqual(Object.keys(SETTING_DEFAULTS).map((key) => `${Settings.section}.${key}`).sort(), keys.sort());
    for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
      const property = properties[`${Settings.section}.${key}`];
      assert.deepEqual(property.default, value, `${key}: package.json's default differs from setting-defaults.ts`);
      assert.equal(Array.isArray(value) ? 'array' : typeof value, property.type, `${key}: type`);
    }
  });

  it('describes each value of every enum setting, and only those values', () => {
    const enums = Object.entries(properties).flatMap(([key, property]) => [
      ...(property.enum ? [{ key, values: property.enum, descriptions: property.enumDescriptions }] : []),
      ...(property.items?.enum ? [{ key: `${key} (items)`, values: property.items.enum, descriptions: property.items.enumDescriptions }] : []),
    ]);
    assert.ok(enums.length >= 2);
    for (const { key, values, descriptions } of enums) {
      assert.equal(descriptions?.length, values.length, `${key}: one enumDescription per value`);
      for (const description of descriptions!) assert.ok(localized(description).trim() && !localized(description).startsWith('%'), `${key}: ${description} has no text`);
    }
  });

  it('lists the tone rules in rules.ts as the values of tone.disabledRules, each described by its own rule', () => {
    const items = properties[`${Settings.section}.${Settings.toneDisabledRules}`].items!;
    assert.deepEqual(items.enum, TONE_RULES.map((rule) => rule.id));
    assert.deepEqual(
      items.enumDescriptions!.map(localized),
      TONE_RULES.map((rule) => `${rule.name}: ${rule.description}`),
    );
  });
});
