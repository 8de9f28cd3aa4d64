/**
 * Setting ids and their defaults, as contributed in package.json: the one place the code takes a default
 * from. No `vscode` import, so the core tests can check the manifest against it.
 */
export const Settings = {
  section: 'leadFromBehind',
  retroFolder: 'retro.folder',
  teamName: 'retro.teamName',
  teamContentFolder: 'teamContentFolder',
  reviewSchemes: 'review.schemes',
  reviewStatusBar: 'review.statusBar',
  toneSchemes: 'tone.schemes',
  toneSeverity: 'tone.severity',
  toneAllow: 'tone.allow',
  toneDisabledRules: 'tone.disabledRules',
  toneRetroNotes: 'tone.checkRetroNotes',
  reflectionEnabled: 'reflection.enabled',
  reflectionFolder: 'reflection.folder',
  reflectionOffer: 'reflection.offer',
} as const;

/** The type of each setting's value. */
export interface SettingTypes {
  'retro.folder': string;
  'retro.teamName': string;
  teamContentFolder: string;
  'review.schemes': readonly string[];
  'review.statusBar': boolean;
  'tone.schemes': readonly string[];
  'tone.severity': string;
  'tone.allow': readonly string[];
  'tone.disabledRules': readonly string[];
  'tone.checkRetroNotes': boolean;
  'reflection.enabled': boolean;
  'reflection.folder': string;
  'reflection.offer': boolean;
}

export type SettingKey = keyof SettingTypes;

export const SETTING_DEFAULTS: { readonly [K in SettingKey]: SettingTypes[K] } = {
  'retro.folder': 'docs/retros',
  'retro.teamName': '',
  teamContentFolder: '.lead-from-behind',
  'review.schemes': ['review', 'pr', 'gl-review', 'comment'],
  'review.statusBar': true,
  'tone.schemes': ['comment'],
  'tone.severity': 'Information',
  'tone.allow': [],
  'tone.disabledRules': [],
  'tone.checkRetroNotes': false,
  'reflection.enabled': true,
  'reflection.folder': '',
  'reflection.offer': true,
};
