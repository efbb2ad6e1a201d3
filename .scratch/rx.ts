import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
const raw = '/tmp/post500/raw';
const pages = readdirSync(raw, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
const A = /(<link rel="stylesheet"[^>]*>)|<script type="module" src="([^"]+)"><\/script>|(<img\b[^>]*\ssrc=")([^"]+\.svg)(")/g;
const B = /<(?:link rel="stylesheet"|script type="module" src="|img\b)/g;
function time(label: string, f: () => number) { for (let r = 0; r < 3; r++) { const c = process.cpuUsage(); const n = f(); const u = process.cpuUsage(c); if (r === 2) console.log(label, n, (u.user / 1000).toFixed(0), 'ms'); } }
time('alternation', () => { let n = 0; for (const p of pages) for (const _ of p.matchAll(A)) n++; return n; });
time('candidates', () => { let n = 0; for (const p of pages) { B.lastIndex = 0; while (B.exec(p)) n++; } return n; });
time('indexOf <', () => { let n = 0; for (const p of pages) { for (let i = p.indexOf('<'); i !== -1; i = p.indexOf('<', i + 1)) n++; } return n; });
time('join copy', () => { let n = 0; for (const p of pages) { n += [p.slice(0, 1000), 'x', p.slice(1000)].join('').length; } return n; });
time('3x indexOf', () => { let n = 0; for (const p of pages) for (const s of ['<link rel="stylesheet"', '<script type="module" src="', '<img']) for (let i = p.indexOf(s); i !== -1; i = p.indexOf(s, i + 1)) n++; return n; });
const S = /<script\b/gi, T = /<style\b/gi, U = /<(script|style)\b/gi;
time('script gi', () => { let n = 0; for (const p of pages) { S.lastIndex = 0; while (S.exec(p)) n++; } return n; });
time('style gi', () => { let n = 0; for (const p of pages) { T.lastIndex = 0; while (T.exec(p)) n++; } return n; });
time('script|style gi', () => { let n = 0; for (const p of pages) { U.lastIndex = 0; while (U.exec(p)) n++; } return n; });
time('script g', () => { let n = 0; for (const p of pages) { for (let i = p.indexOf('<script'); i !== -1; i = p.indexOf('<script', i + 1)) n++; } return n; });
