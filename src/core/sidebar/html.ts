const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Every string of a set of (translated) words, escaped: words are text, whatever marks they hold. */
export function escapeAll<T extends Record<string, string>>(strings: T): T {
  return Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, escapeHtml(value)])) as T;
}
