#!/usr/bin/env node
// Two `mpcanvas serve` instances behind nginx, with deploy/nginx.conf as
// committed (only its ports are changed to free ones): requests through
// nginx reach both instances, and when one instance is stopped every
// request is still answered by the other.
//
//   node tools/serve/nginx.mjs [--bin target/debug/mpcanvas]   (needs Debian's nginx)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Checks, REPO, binary, startServer } from './lib.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const bin = binary(process.argv.slice(2));
const checks = new Checks();

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const a = await startServer(bin, ['--workers', '1']);
const b = await startServer(bin, ['--workers', '1']);
const port = (s) => new URL(s.url).port;
const front = await freePort();
const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'mpcanvas-nginx-'));
for (const d of ['logs', 'tmp']) fs.mkdirSync(path.join(prefix, d));
const conf = fs
  .readFileSync(path.join(REPO, 'deploy/nginx.conf'), 'utf8')
  .replace('server 127.0.0.1:8081', `server 127.0.0.1:${port(a)}`)
  .replace('server 127.0.0.1:8082', `server 127.0.0.1:${port(b)}`)
  .replace('listen 127.0.0.1:8080', `listen 127.0.0.1:${front}`);
fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
if (test.status !== 0) {
  console.error(test.stderr);
  process.exit(1);
}
const nginx = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
const base = `http://127.0.0.1:${front}`;
for (let i = 0; i < 50; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}

const render = async (i) => {
  const r = await fetch(`${base}/v1/render`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ script: `// @size 64x64\nfunction draw(ctx) { ctx.fillStyle = '#07c160'; ctx.fillRect(0, 0, ${8 + (i % 50)}, 64); }` }),
  });
  const bytes = Buffer.from(await r.arrayBuffer());
  return r.status === 200 && bytes.subarray(1, 4).toString() === 'PNG';
};
const served = async (s) => {
  const text = await (await fetch(`${s.url}/metrics`)).text();
  const m = text.match(/mpcanvas_http_requests_total\{route="\/v1\/render",status="200"\} (\d+)/);
  return m ? Number(m[1]) : 0;
};

// Concurrent clients, so least_conn spreads them over both instances.
let ok = 0;
await Promise.all(
  Array.from({ length: 4 }, async (_, c) => {
    for (let i = 0; i < 10; i++) if (await render(c * 10 + i)) ok++;
  }),
);
const [na, nb] = [await served(a), await served(b)];
console.log(`40 renders through nginx: ${ok} ok; instance A served ${na}, B served ${nb}`);
checks.ok(ok === 40, 'every render through nginx succeeds');
checks.ok(na > 0 && nb > 0 && na + nb === 40, 'both instances served requests');

// One instance goes away (SIGTERM: it finishes its jobs and exits).
checks.ok((await a.stop()) === 0, 'instance A stops cleanly');
let after = 0;
for (let i = 0; i < 10; i++) if (await render(i)) after++;
console.log(`with A stopped: ${after}/10 renders ok, B served ${(await served(b)) - nb} of them`);
checks.ok(after === 10, 'every render succeeds with one instance stopped');

nginx.kill('SIGQUIT');
await new Promise((r) => nginx.on('exit', r));
await b.stop();
if (!checks.failures.length) fs.rmSync(prefix, { recursive: true, force: true });
else console.error(`nginx logs kept in ${prefix}/logs`);
checks.finish('nginx');
