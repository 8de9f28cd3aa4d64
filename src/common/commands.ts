/** Command and view ids, as contributed in package.json. */
export const Commands = {
  insertTip: 'leadFromBehind.insertTip',
  openSidebar: 'leadFromBehind.openSidebar',
  focusSearch: 'leadFromBehind.focusSearch',
  newRetroNote: 'leadFromBehind.newRetroNote',
} as const;

export const VIEW_CONTAINER_ID = 'leadFromBehind';
export const SIDEBAR_VIEW_ID = 'leadFromBehind.sidebar';
