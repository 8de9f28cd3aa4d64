/**
 * The glob patterns, relative to a workspace folder, that see every change to a team folder at `segments`
 * below it: each folder above it by name (deleting or renaming a folder reports the folder alone, not what
 * was in it), and the team folder with everything inside.
 */
export function teamFolderWatchPatterns(segments: readonly string[]): string[] {
  const literal = segments.map(globLiteral);
  return [...literal.slice(0, -1).map((_, at) => literal.slice(0, at + 1).join('/')), `${literal.join('/')}/**`];
}

/**
 * A file or folder name as a glob that matches that name: each glob character in brackets. VS Code's glob
 * closes a bracket at the first `]`, so `]` cannot be bracketed; it becomes `?`, which may also match a
 * sibling that differs there alone (a reload too many, never one too few).
 */
export function globLiteral(name: string): string {
  return name.replace(/[*?[\]{}]/g, (character) => (character === ']' ? '?' : `[${character}]`));
}
