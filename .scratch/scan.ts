import { pagesPagefindIndexes } from '../src/integrations/pagefind-pages.ts';
const c = process.cpuUsage(); const t = performance.now();
const pages = await pagesPagefindIndexes('/tmp/post500/raw');
const u = process.cpuUsage(c);
console.log(pages?.length, `${(performance.now() - t).toFixed(0)} ms wall ${(u.user / 1000).toFixed(0)} user ${(u.system / 1000).toFixed(0)} sys`);
