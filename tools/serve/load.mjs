#!/usr/bin/env node
// Load and fault test of `mpcanvas serve`, on loopback only, bounded in count
// and time:
//   1. throughput and p50/p99 latency of the poster (tools/serve/poster.js)
//      at 1, 2 and 4 concurrent clients (PNG; JPEG at 1);
//   2. mixed traffic: renders, project runs and ~10 % malformed requests
//      (bad JSON, oversized bodies, zip bombs, unsafe archive paths, scripts
//      that loop or allocate, bad sizes, unknown routes), each of which must
//      be answered with its error code;
//   3. after it: resident memory, no descriptor or temp-folder leaks, and a
//      clean SIGTERM shutdown (exit 0).
// With --peer DIR (a folder where `npm install @napi-rs/canvas` was run) the
// same poster is drawn and encoded in a warm @napi-rs/canvas loop, and the
// warm renders per second are compared as a ratio in this run.
//
//   node tools/serve/load.mjs [--bin target/release/mpcanvas] [--quick]
//                             [--requests 2000] [--peer /tmp/peer]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  Checks, REPO, binary, descriptors, folderFiles, median, memory, percentile, startServer, tar,
} from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (flag, def) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : def;
};
const quick = argv.includes('--quick');
const total = Number(opt('--requests', quick ? '200' : '2000'));
const perLevel = quick ? 8 : 40;
const bin = binary(argv);
const checks = new Checks();
const poster = fs.readFileSync(path.join(REPO, 'tools/serve/poster.js'), 'utf8');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mpcanvas-load-'));
const jobsTmp = path.join(scratch, 'jobs');
fs.mkdirSync(jobsTmp);

const server = await startServer(bin, ['--workers', '2', '--queue', '64', '--time-limit', '2', '--memory-limit', '64'], {
  tmpdir: jobsTmp,
});
const pid = server.proc.pid;
console.log(`server ${server.url} (pid ${pid}), ${bin}`);

/// One request: { status, ms, code, timing, bytes }.
async function request(route, { json, body, headers = {}, method = 'POST' } = {}) {
  const started = performance.now();
  const init = { method, headers: { ...headers } };
  if (json !== undefined) {
    init.body = typeof json === 'string' ? json : JSON.stringify(json);
    init.headers['content-type'] = 'application/json';
  } else if (body !== undefined) {
    init.body = body;
  }
  if (method === 'GET') delete init.body;
  const r = await fetch(server.url + route, init);
  const buf = Buffer.from(await r.arrayBuffer());
  const ms = performance.now() - started;
  let code = null;
  if ((r.headers.get('content-type') || '').includes('json') && r.status >= 400) {
    try {
      code = JSON.parse(buf.toString()).code;
    } catch {
      code = 'unparsable';
    }
  }
  return { status: r.status, ms, code, timing: r.headers.get('server-timing'), bytes: buf.length, buf };
}

/// Runs `n` jobs from `make(i)` with `concurrency` clients; returns the results and seconds.
async function drive(n, concurrency, make) {
  let next = 0;
  const results = new Array(n);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        results[i] = await make(i);
      }
    }),
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

function serverMs(timing) {
  // "queue;dur=0.0, render;dur=31.2, encode;dur=4.1"
  const d = {};
  for (const m of (timing || '').matchAll(/(\w+);dur=([0-9.]+)/g)) d[m[1]] = Number(m[2]);
  return d;
}

// 1. Throughput and latency.
const posterReq = (format) => ({ json: { script: poster, format, quality: 0.9 } });
for (let i = 0; i < 3; i++) await request('/v1/render', posterReq('png'));
const levels = [];
for (const [format, concurrency] of [['png', 1], ['jpeg', 1], ['png', 2], ['png', 4]]) {
  const { results, seconds } = await drive(perLevel, concurrency, () => request('/v1/render', posterReq(format)));
  checks.ok(results.every((r) => r.status === 200), `${format} x${concurrency}: every poster rendered`);
  const lat = results.map((r) => r.ms).sort((a, b) => a - b);
  const work = results.map((r) => {
    const t = serverMs(r.timing);
    return (t.render || 0) + (t.encode || 0);
  });
  levels.push({
    format,
    concurrency,
    requests: perLevel,
    perSecond: perLevel / seconds,
    p50Ms: percentile(lat, 50),
    p99Ms: percentile(lat, 99),
    serverWorkMs: median(work),
    bytes: results[0].bytes,
  });
}
console.table(levels.map((l) => ({ ...l, perSecond: +l.perSecond.toFixed(1), p50Ms: +l.p50Ms.toFixed(1), p99Ms: +l.p99Ms.toFixed(1), serverWorkMs: +l.serverWorkMs.toFixed(1) })));

// 2. Mixed traffic with faults.
const exampleTar = tar(folderFiles(path.join(REPO, 'examples/wechat-2d'), 'wechat-2d'));
const bomb = zlib.gzipSync(tar({ 'big/zeros.bin': Buffer.alloc(100 << 20) }), { level: 9 });
const unsafe = tar({ 'p/index.js': 'Page({})', '../escape.js': 'x' });
const small = (i) => ({
  json: {
    script: `// @size 200x120\nfunction draw(ctx) { ctx.fillStyle = 'hsl(${i % 360} 80% 50%)'; ctx.fillRect(0, 0, 200, 120); ctx.fillStyle = '#fff'; ctx.font = '20px sans-serif'; ctx.fillText('#${i}', 20, 60); }`,
  },
});
const faults = [
  ['bad JSON', () => request('/v1/render', { json: '{"script": ' }), 400, 'bad_json'],
  ['unknown field', () => request('/v1/render', { json: { script: 'function draw(){}', colour: 1 } }), 400, 'bad_json'],
  ['huge render body', () => request('/v1/render', { json: { script: '//' + 'x'.repeat(2 << 20) } }), 413, 'body_too_large'],
  ['zip bomb', () => request('/v1/run', { body: bomb, headers: { 'content-type': 'application/gzip' } }), 413, 'archive_too_large'],
  ['unsafe archive path', () => request('/v1/run', { body: unsafe, headers: { 'content-type': 'application/x-tar' } }), 400, 'archive_unsafe_path'],
  ['not an archive', () => request('/v1/run', { body: Buffer.from('hello, not a zip'), headers: { 'content-type': 'application/zip' } }), 400, 'archive_invalid'],
  ['endless loop', () => request('/v1/render', { json: { script: '// @size 10x10\nfunction draw() { for (;;) {} }' } }), 422, 'time_limit'],
  ['allocation', () => request('/v1/render', { json: { script: '// @size 10x10\nfunction draw() { const a = []; for (;;) a.push(new Array(1e5).fill(7)); }' } }), 422, 'memory_limit'],
  ['canvas too big', () => request('/v1/render', { json: { script: 'function draw(){}', width: 100000, height: 10 } }), 400, 'bad_request'],
  ['script error', () => request('/v1/render', { json: { script: 'function draw() { null.x; }' } }), 422, 'script_error'],
  ['unknown route', () => request('/v2/render', { json: {} }), 404, 'not_found'],
  ['wrong method', () => request('/v1/render', { method: 'GET' }), 405, 'method_not_allowed'],
];
const valid = [
  ['small render', (i) => request('/v1/render', small(i))],
  ['poster jpeg', () => request('/v1/render', posterReq('jpeg'))],
  ['project run', () => request('/v1/run?taps=save', { body: exampleTar, headers: { 'content-type': 'application/x-tar' } })],
];
const descriptorsBefore = descriptors(pid);
const byKind = {};
const { results: mixed, seconds: mixedSeconds } = await drive(total, 4, async (i) => {
  if (i % 10 === 0) {
    const [name, send, status, code] = faults[(i / 10) % faults.length];
    const r = await send();
    return { kind: name, ok: r.status === status && r.code === code, got: `${r.status} ${r.code}`, want: `${status} ${code}`, ms: r.ms };
  }
  const [name, send] = valid[i % valid.length];
  const r = await send(i);
  let ok = r.status === 200;
  if (ok && name === 'project run') {
    const report = JSON.parse(r.buf.toString());
    ok = report.completed === true && report.album.length === 1 && report.album[0].dataUrl.startsWith('data:image/png;base64,');
  }
  return { kind: name, ok, got: `${r.status}`, want: '200', ms: r.ms };
});
for (const r of mixed) {
  const k = (byKind[r.kind] ||= { requests: 0, answeredAsExpected: 0, p50Ms: [], got: new Set() });
  k.requests++;
  if (r.ok) k.answeredAsExpected++;
  else k.got.add(`${r.got} (want ${r.want})`);
  k.p50Ms.push(r.ms);
}
const kinds = Object.entries(byKind).map(([kind, k]) => ({
  kind,
  requests: k.requests,
  asExpected: k.answeredAsExpected,
  p50Ms: +median(k.p50Ms).toFixed(1),
  unexpected: [...k.got].join('; '),
}));
console.table(kinds);
for (const k of kinds) checks.ok(k.requests === k.asExpected, `${k.kind}: ${k.asExpected}/${k.requests} answered as expected ${k.unexpected}`);

// 3. After the traffic.
const metrics = (await request('/metrics', { method: 'GET' })).buf.toString();
const busy = () => Number((metrics.match(/^mpcanvas_jobs_running (\d+)/m) || [0, 0])[1]);
checks.ok(busy() === 0, 'no job running after the traffic');
const mem = memory(pid);
const descriptorsAfter = descriptors(pid);
const leftovers = fs.readdirSync(jobsTmp);
checks.ok(descriptorsAfter <= descriptorsBefore + 4, `descriptors ${descriptorsBefore} → ${descriptorsAfter}`);
checks.ok(leftovers.length === 0, `job folders left behind: ${leftovers.join(', ')}`);
const exit = await server.stop();
checks.ok(exit === 0, `SIGTERM ends the service with 0 (got ${exit})`);
const summary = {
  binary: path.relative(REPO, bin),
  mixed: { requests: total, seconds: +mixedSeconds.toFixed(1), perSecond: +(total / mixedSeconds).toFixed(1) },
  residentMbAfter: +mem.rssMb.toFixed(1),
  peakResidentMb: +mem.peakMb.toFixed(1),
  descriptors: [descriptorsBefore, descriptorsAfter],
};
console.log(JSON.stringify(summary));

// 4. The warm peer, same poster, same machine, this run.
const peerDir = opt('--peer');
if (peerDir) {
  const runner = path.resolve(REPO, '../shared/bench/napi-render.mjs');
  const script = path.join(scratch, 'poster.js');
  fs.copyFileSync(path.join(REPO, 'tools/serve/poster.js'), script);
  for (const [format, ext, q] of [['png', 'png', '0.92'], ['jpeg', 'jpg', '0.9']]) {
    const r = spawnSync('node', [runner, script, '-o', path.join(scratch, `peer.${ext}`), '--quality', q, '--runs', '20'], {
      env: { ...process.env, NAPI_CANVAS_DIR: path.resolve(peerDir) },
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      console.error(`peer failed: ${r.stderr}`);
      continue;
    }
    const peer = JSON.parse(r.stdout.trim().split('\n').pop()).median_ms;
    const ours = levels.find((l) => l.format === format && l.concurrency === 1);
    console.log(
      `warm ${format}: mpcanvas ${(1000 / ours.serverWorkMs).toFixed(1)} renders/s in the service (${ours.serverWorkMs.toFixed(1)} ms render+encode, ` +
        `${ours.perSecond.toFixed(1)}/s over HTTP) vs @napi-rs/canvas ${(1000 / peer.total).toFixed(1)}/s (${peer.total.toFixed(1)} ms draw+encode): ` +
        `${(peer.total / ours.serverWorkMs).toFixed(2)}x`,
    );
  }
}
fs.rmSync(scratch, { recursive: true, force: true });
checks.finish('load');
