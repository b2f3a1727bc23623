#!/usr/bin/env node
// The HTML reports (`mpcanvas run … --report FILE.html`) in a real
// headless Chromium (Debian's chromium, driven by playwright-core from npm,
// installed into target/npm-tools on first use by serve/lib.mjs): a page
// with a device check shows its timeline, its poster inline and the
// warning with its source line; a `--platform all` comparison
// shows both tt platforms' posters and the difference map. Screenshots go
// to target/report-check/.
//
//   node tools/report/check.mjs [--bin target/debug/mpcanvas]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Checks, REPO, binary, launchChromium } from '../serve/lib.mjs';

const bin = binary(process.argv.slice(2));
const checks = new Checks();
const shots = path.join(REPO, 'target/report-check');
fs.mkdirSync(shots, { recursive: true });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mpcanvas-report-'));

// A legacy poster exported right after draw(): one device check.
const project = path.join(scratch, 'race');
fs.mkdirSync(project);
fs.writeFileSync(path.join(project, 'index.wxml'), '<canvas canvas-id="c" style="width: 120px; height: 80px"></canvas>\n');
fs.writeFileSync(
  path.join(project, 'index.js'),
  [
    'Page({ onReady() {',
    "  const ctx = wx.createCanvasContext('c');",
    "  ctx.setFillStyle('#07c160'); ctx.fillRect(0, 0, 120, 80);",
    '  ctx.draw();',
    "  wx.canvasToTempFilePath({ canvasId: 'c', success: (r) => console.log('exported') });",
    '} });',
    '',
  ].join('\n'),
);
const runHtml = path.join(scratch, 'run.html');
const run = spawnSync(bin, ['run', project, '--out', path.join(scratch, 'out-run'), '--report', runHtml], { encoding: 'utf8' });
checks.ok(run.status === 0, `the run with --report succeeds: ${run.stderr}`);

const compareHtml = path.join(scratch, 'compare.html');
const cmp = spawnSync(
  bin,
  ['run', path.join(REPO, 'examples/douyin'), '--platform', 'all', '--tap', 'save', '--out', path.join(scratch, 'out-cmp'), '--report', compareHtml],
  { encoding: 'utf8' },
);
checks.ok(cmp.status === 0, `the --platform all run succeeds: ${cmp.stderr}`);

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  // The file must stand alone: any request beyond the file itself fails the check.
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.goto(pathToFileURL(runHtml).href);
  const timeline = await page.$$eval('ol.timeline li', (lis) => lis.map((l) => l.textContent));
  checks.ok(timeline.some((t) => t.includes('wx.canvasToTempFilePath')), `the timeline lists the export: ${timeline.length} lines`);
  checks.ok(timeline.some((t) => t.includes('console.log: exported')), 'the timeline has the console line');
  const posters = await page.$$eval('img.poster', (imgs) => imgs.map((i) => [i.complete, i.naturalWidth, i.naturalHeight]));
  checks.ok(posters.length === 1 && posters[0][1] === 240 && posters[0][2] === 160, `the poster is shown inline: ${JSON.stringify(posters)}`);
  const warning = await page.$eval('ul.warnings li.warning', (li) => li.textContent);
  checks.ok(warning.includes('draw-race') && warning.includes('index.js:5'), `the device check names its line: ${warning}`);
  const source = await page.$eval('ul.warnings pre.source', (p) => p.textContent);
  checks.ok(source.startsWith('5 | ') && source.includes("wx.canvasToTempFilePath({ canvasId: 'c'"), `the source line is shown: ${source}`);
  await page.screenshot({ path: path.join(shots, 'run.png'), fullPage: true });

  await page.goto(pathToFileURL(compareHtml).href);
  const cells = await page.$$eval('#comparison img.poster', (imgs) => imgs.map((i) => [i.alt, i.naturalWidth > 0]));
  checks.ok(
    // The export and the album copy: one row each, feishu then douyin.
    cells.length === 4 && cells.every(([, shown]) => shown) && cells.map(([alt]) => alt).join() === 'feishu,douyin,feishu,douyin',
    `both tt platforms' posters are side by side: ${JSON.stringify(cells)}`,
  );
  const maps = await page.$$eval('#comparison img.diff-map', (imgs) => imgs.map((i) => i.naturalWidth));
  checks.ok(maps.length === 2 && maps.every((w) => w === 300), `the difference maps are shown: ${JSON.stringify(maps)}`);
  const skipped = await page.$$eval('ul.platforms li', (lis) => lis.map((l) => l.textContent));
  checks.ok(skipped.filter((t) => t.includes('skipped')).length === 3, `wechat, wechat-game and alipay are skipped: ${skipped}`);
  checks.ok((await page.$$('section.run ol.timeline')).length === 2, 'each platform run has its timeline');
  await page.screenshot({ path: path.join(shots, 'compare.png'), fullPage: true });

  const outside = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
  checks.ok(outside.length === 0, `the reports load nothing else: ${outside}`);
} finally {
  await browser.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
checks.finish('report');
