#!/usr/bin/env node
// The playground at `/` in a real headless Chromium (Debian's chromium,
// driven by playwright-core from npm, installed into target/npm-tools on
// first use): render the example drawing script and check the poster is
// the CLI's output for the same script, byte for byte; run a bundled
// example project, tap the method the report offers, and see the album
// poster; run it on every platform. Screenshots go to target/playground/.
//
//   node tools/serve/playground.mjs [--bin target/debug/mpcanvas]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Checks, REPO, binary, launchChromium, startServer } from './lib.mjs';

const bin = binary(process.argv.slice(2));
const checks = new Checks();
const shots = path.join(REPO, 'target/playground');
fs.mkdirSync(shots, { recursive: true });

const server = await startServer(bin, ['--workers', '2']);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '/');
  await page.waitForFunction(() => document.querySelectorAll('#project-example option').length > 1);

  // 1. The drawing script: the poster appears and is the CLI's rendering.
  await page.click('#render');
  const img = await page.waitForSelector('#render-out img', { timeout: 30000 });
  const dataUrl = await img.getAttribute('src');
  const script = await page.inputValue('#script');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mpcanvas-playground-'));
  fs.writeFileSync(path.join(scratch, 'poster.js'), script);
  const cli = spawnSync(bin, ['render', path.join(scratch, 'poster.js'), '-o', path.join(scratch, 'cli.png'), '--no-system-fonts'], {
    encoding: 'utf8',
  });
  checks.ok(cli.status === 0, `the CLI renders the playground's script: ${cli.stderr}`);
  const served = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  const local = fs.readFileSync(path.join(scratch, 'cli.png'));
  checks.ok(served.equals(local), `the playground's poster is the CLI's (${served.length} vs ${local.length} bytes)`);
  const shown = await page.evaluate(() => {
    const i = document.querySelector('#render-out img');
    return i.complete && i.naturalWidth > 0 ? [i.naturalWidth, i.naturalHeight] : null;
  });
  checks.ok(shown && shown[0] === 375 && shown[1] === 500, `the browser decoded and shows the poster (${shown})`);
  await page.screenshot({ path: path.join(shots, 'render.png') });

  // 2. A bundled example: run with no tap, then tap what the report offers.
  await page.selectOption('#project-example', 'wechat-2d');
  await page.fill('#taps', '');
  await page.click('#run');
  const tap = await page.waitForSelector('#run-out .tappable button', { timeout: 30000 });
  checks.ok((await tap.textContent()) === 'tap save', 'the report offers the page\'s tappable method');
  await tap.click();
  await page.waitForFunction(() => document.querySelector('#run-out .status')?.textContent.includes('completed') && document.querySelectorAll('#run-out figure img').length > 0, null, { timeout: 30000 });
  const album = await page.evaluate(() =>
    [...document.querySelectorAll('#run-out figure')].map((f) => ({
      caption: f.querySelector('figcaption').textContent,
      size: [f.querySelector('img').naturalWidth, f.querySelector('img').naturalHeight],
    })),
  );
  checks.ok(album.some((f) => f.caption.includes('album') && f.size[0] > 0), `the album poster is shown: ${JSON.stringify(album)}`);
  const timeline = await page.$$eval('#run-out ol.timeline li', (lis) => lis.map((l) => l.textContent));
  checks.ok(timeline.some((t) => t.startsWith('wx.saveImageToPhotosAlbum') || t.includes('saveImageToPhotosAlbum')), 'the timeline lists the album call');
  await page.screenshot({ path: path.join(shots, 'run.png'), fullPage: true });

  // 3. Every platform side by side.
  await page.click('#run-all');
  await page.waitForFunction(() => document.querySelectorAll('#run-out > .grid > figure').length === 5, null, { timeout: 60000 });
  const columns = await page.$$eval('#run-out > .grid > figure', (fs) => fs.map((f) => f.querySelector('figcaption').textContent));
  checks.ok(columns.join(',') === 'wechat,wechat-game,alipay,feishu,douyin', `one column per platform: ${columns}`);
  await page.screenshot({ path: path.join(shots, 'all-platforms.png'), fullPage: true });
  checks.ok(errors.length === 0, `no page errors: ${errors.join('; ')}`);
  fs.rmSync(scratch, { recursive: true, force: true });
} finally {
  await browser.close();
  await server.stop();
}
checks.finish('playground');
