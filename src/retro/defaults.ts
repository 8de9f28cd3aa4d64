/** The default retro folder, shared by note creation and the tone check of retro notes. */
export const DEFAULT_RETRO_FOLDER = 'docs/retros';
