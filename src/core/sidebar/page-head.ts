import { escapeHtml } from './html';
import type { SidebarAssets } from './sidebar-html';

/** The sidebar pages' Content Security Policy: our own styles, fonts and images, and only the script with this load's nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** Everything up to `<body>` that the cards page and the error page share: the CSP, the styles and the nonce script. */
export function pageHead(assets: SidebarAssets, language: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(assets.cspSource, assets.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(assets.codiconsUri)}">
<link rel="stylesheet" href="${escapeHtml(assets.styleUri)}">
<title>Lead From Behind</title>
<script defer nonce="${escapeHtml(assets.nonce)}" src="${escapeHtml(assets.scriptUri)}"></script>
</head>`;
}
