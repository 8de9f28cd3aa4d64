/**
 * What the setting `leadFromBehind.reflection.folder` asks for. Empty: the extension's global storage.
 * `~` or `~/…`: the home folder. An absolute path (`/…`, `C:\…`, `\\server\…`): that folder. Anything
 * else (a relative path) is refused: relative to what? Not the workspace: the notes are private.
 */
export type ReflectionFolder =
  | { readonly kind: 'storage' }
  | { readonly kind: 'home'; readonly segments: readonly string[] }
  | { readonly kind: 'absolute'; readonly path: string }
  | { readonly kind: 'invalid' };

export function parseReflectionFolder(value: string): ReflectionFolder {
  const folder = value.trim();
  if (!folder) return { kind: 'storage' };
  const home = /^~(?:[\\/](.*))?$/s.exec(folder);
  if (home) return { kind: 'home', segments: (home[1] ?? '').split(/[\\/]+/).filter((segment) => segment && segment !== '.') };
  if (/^(?:[\\/]|[a-zA-Z]:[\\/])/.test(folder)) return { kind: 'absolute', path: folder };
  return { kind: 'invalid' };
}
