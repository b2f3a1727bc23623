#!/usr/bin/env node
// wpt/convert — turns the web-platform-tests 2D canvas test definitions (the
// YAML files of html/canvas/tools, as copied in node-canvas' test/wpt) into
// drawing scripts mpcanvas renders, one per test. The tests themselves are
// never committed: they are converted into target/wpt/ and the JS test
// `wpt` (crates/runtime/tests/js/wpt.rs) runs them against tools/wpt/expectations.txt.
//
//   node tools/wpt/convert.mjs <dir-with-yaml> [--out target/wpt]
//
// A test becomes `function draw(ctx, canvas, env) { <prelude> <code> }` on a
// 100x50 canvas; its `@assert` lines become calls that throw on failure, so a
// render that completes is a pass. Tests that need what a drawing script
// cannot have (image or font files, DOM canvas attributes, manual checks) are
// listed as skipped with the reason.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const src = args[0];
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args[outIdx + 1] : 'target/wpt';
if (!src) {
  console.error('usage: node tools/wpt/convert.mjs <dir-with-yaml> [--out target/wpt]');
  process.exit(2);
}

// The subset of YAML these files use: a list of mappings whose values are
// plain or quoted scalars, `|` blocks, or lists of scalars.
function parseYaml(text) {
  const items = [];
  let item = null;
  let listKey = null;
  const lines = text.split('\n');
  const scalar = (v) => {
    v = v.trim();
    if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"'))) return v.slice(1, -1);
    return v;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m;
    if ((m = line.match(/^- ([A-Za-z_]+):\s*(.*)$/))) {
      item = {};
      items.push(item);
      item[m[1]] = scalar(m[2]);
      listKey = null;
    } else if (item && (m = line.match(/^  ([A-Za-z_]+):\s*(.*)$/))) {
      const [, key, value] = m;
      listKey = null;
      if (value === '|' || value === '|-' || value === '>') {
        const block = [];
        while (i + 1 < lines.length && (lines[i + 1].startsWith('    ') || lines[i + 1].trim() === '')) {
          block.push(lines[++i].slice(4));
        }
        item[key] = block.join('\n').replace(/\s+$/, '') + '\n';
      } else if (value === '') {
        item[key] = [];
        listKey = key;
      } else if (value.startsWith('[') && value.endsWith(']')) {
        item[key] = value.slice(1, -1).split(',').map(scalar).filter(Boolean);
      } else {
        item[key] = scalar(value);
      }
    } else if (item && listKey && (m = line.match(/^  - (.*)$/))) {
      item[listKey].push(scalar(m[1]));
    }
  }
  return items;
}

// `@nonfinite f(<ok bad1 bad2>, <ok bad>)tail`: the call with each argument
// alone set to each of its bad values, then every combination of two or more
// arguments set to their first bad value.
function expandNonfinite(method, argstr, tail) {
  const options = argstr.split(', ').map((a) => a.match(/<(.*)>/)[1].split(' '));
  const valid = options.map((o) => o[0]);
  const calls = [];
  options.forEach((o, i) => {
    for (const bad of o.slice(1)) calls.push(valid.map((v, k) => (k === i ? bad : v)));
  });
  const combos = (current, start, depth) => {
    for (let i = start; i < options.length; i++) {
      if (options[i].length < 2) continue;
      const next = current.map((v, k) => (k === i ? options[i][1] : v));
      if (depth > 0) calls.push(next);
      combos(next, i + 1, depth + 1);
    }
  };
  combos(valid, 0, 0);
  return calls.map((c) => `${method}(${c.join(', ')})${tail}`).join('\n');
}

const DOM_ERRORS = {
  INDEX_SIZE_ERR: 'IndexSizeError', SYNTAX_ERR: 'SyntaxError', INVALID_STATE_ERR: 'InvalidStateError',
  NOT_SUPPORTED_ERR: 'NotSupportedError', TYPE_MISMATCH_ERR: 'TypeMismatchError', SECURITY_ERR: 'SecurityError',
  INVALID_ACCESS_ERR: 'InvalidAccessError', NAMESPACE_ERR: 'NamespaceError', HIERARCHY_REQUEST_ERR: 'HierarchyRequestError',
};

function convert(code) {
  const q = (s) => JSON.stringify(s);
  return code
    .replace(/@nonfinite ([^(]+)\(([^)]+)\)(.*)/g, (_, m, a, t) => expandNonfinite(m, a, t))
    .replace(/@assert pixel (\d+,\d+) == (\d+,\d+,\d+,\d+);/g, '_assertPixel(canvas, $1, $2);')
    .replace(/@assert pixel (\d+,\d+) ==~ (\d+,\d+,\d+,\d+) \+\/- (\d+);/g, '_assertPixelApprox(canvas, $1, $2, $3);')
    .replace(/@assert pixel (\d+,\d+) ==~ (\d+,\d+,\d+,\d+);/g, '_assertPixelApprox(canvas, $1, $2, 2);')
    .replace(/@assert throws (\S+_ERR) (.*);/g, (_, e, x) => `_assertThrowsDom(${q(DOM_ERRORS[e] || e)}, () => { ${x}; });`)
    .replace(/@assert throws (\S+Error) (.*);/g, (_, e, x) => `_assertThrowsJs(${e}, () => { ${x}; });`)
    .replace(/@assert (.*) === (.*);/g, (_, a, b) => `_assertSame(${a}, ${b}, ${q(a + ' === ' + b)});`)
    .replace(/@assert (.*) !== (.*);/g, (_, a, b) => `_assertNotSame(${a}, ${b}, ${q(a + ' !== ' + b)});`)
    .replace(/@assert (.*) =~ (.*);/g, (_, a, b) => `_assertMatch(${a}, ${b}, ${q(a)});`)
    .replace(/@assert (.*);/g, (_, a) => `_assert(${a}, ${q(a)});`)
    .replace(/ @moz-todo/g, '')
    .replace(/@moz-UniversalBrowserRead;/g, '');
}

const PRELUDE = `
  const fail = (m) => { throw new Error(m); };
  const _fmt = (v) => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  const _getPixel = (c, x, y) => Array.from(c.getContext('2d').getImageData(x, y, 1, 1).data);
  const _assertPixel = (c, x, y, r, g, b, a) => {
    const p = _getPixel(c, x, y);
    if (p[0] !== r || p[1] !== g || p[2] !== b || p[3] !== a) fail('pixel ' + x + ',' + y + ' is ' + p + ', not ' + [r, g, b, a]);
  };
  const _assertPixelApprox = (c, x, y, r, g, b, a, tol) => {
    const p = _getPixel(c, x, y);
    if ([r, g, b, a].some((v, i) => Math.abs(p[i] - v) > tol)) fail('pixel ' + x + ',' + y + ' is ' + p + ', not ' + [r, g, b, a] + ' +/- ' + tol);
  };
  const _assert = (v, what) => { if (!v) fail('assert ' + what); };
  const _assertSame = (a, b, what) => { if (!Object.is(a, b) && !(a === b)) fail(what + ': got ' + _fmt(a) + ', expected ' + _fmt(b)); };
  const _assertNotSame = (a, b, what) => { if (a === b) fail(what + ': both ' + _fmt(a)); };
  const _assertMatch = (a, re, what) => { if (!re.test(a)) fail(what + ' = ' + _fmt(a) + ' does not match ' + re); };
  const _assertThrowsDom = (name, f) => {
    try { f(); } catch (e) { if (e && e.name === name) return; fail('threw ' + (e && e.name) + ', not ' + name); }
    fail('did not throw ' + name);
  };
  const _assertThrowsJs = (type, f) => {
    try { f(); } catch (e) { if (e instanceof type) return; fail('threw ' + (e && e.name) + ', not ' + type.name); }
    fail('did not throw ' + type.name);
  };
  // DOM shims (HTML, not the canvas spec): <img> and SVG <image> elements
  // are the platform's image objects (canvas.createImage()); style
  // attributes are kept but not applied, as a mini-program canvas has no
  // CSS cascade (currentColor is black, as for a canvas without style).
  // The one exception is a harness shim, not engine behaviour: the test
  // canvas (the one "in the document") takes the \`color\` of its style
  // attribute for a fillStyle / strokeStyle / shadowColor of exactly
  // \`currentColor\`, resolved when assigned as HTML says, since no
  // platform's <canvas> has a CSS color to resolve it against.
  const _attributes = (el) => {
    const attrs = new Map();
    el.setAttribute = (k, v) => { attrs.set(String(k), String(v)); };
    el.removeAttribute = (k) => { attrs.delete(String(k)); };
    el.getAttribute = (k) => (attrs.has(String(k)) ? attrs.get(String(k)) : null);
    return el;
  };
  const _image = () => canvas.createImage();
  const Image = function Image() { return _image(); };
  _attributes(canvas);
  {
    // Installed on the first style attribute only, so no other test sees
    // own accessors on the context.
    const setStyle = canvas.setAttribute;
    let color = null;
    let shimmed = false;
    const shim = () => {
      shimmed = true;
      const proto = Object.getPrototypeOf(ctx);
      for (const key of ['fillStyle', 'strokeStyle', 'shadowColor']) {
        const d = Object.getOwnPropertyDescriptor(proto, key);
        Object.defineProperty(ctx, key, {
          configurable: true,
          get() { return d.get.call(this); },
          set(v) { d.set.call(this, color !== null && typeof v === 'string' && /^\\s*currentcolor\\s*$/i.test(v) ? color : v); },
        });
      }
    };
    canvas.setAttribute = (k, v) => {
      setStyle(k, v);
      if (String(k).toLowerCase() !== 'style') return;
      const m = /(?:^|;)\\s*color\\s*:\\s*([^;]+)/i.exec(String(v));
      color = m ? m[1].trim() : null;
      if (!shimmed) shim();
    };
  }
  const document = {
    createElement: (t) => {
      if (t === 'img') return _image();
      if (t !== 'canvas') fail('createElement(' + t + ')');
      return _attributes(env.createCanvas(300, 150));
    },
    createElementNS: (ns, t) => {
      if (ns === 'http://www.w3.org/2000/svg' && t === 'image') return _image();
      fail('createElementNS(' + ns + ', ' + t + ')');
    },
    documentElement: _attributes({}),
    body: _attributes({}),
  };
  document.body.parentNode = document.documentElement;
  const t = { done() {}, step_func: (f) => f, step_func_done: (f) => f, step: (f) => f() };
  const step_timeout = (f) => f();
  const assert_throws_js = (type, f) => _assertThrowsJs(type, f);
  const assert_throws_dom = (name, f) => _assertThrowsDom(name, f);
  const _assertGreen = (c2d, w, h) => {
    const d = c2d.getImageData(0, 0, w, h).data;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] !== 0 || d[i + 1] !== 255 || d[i + 2] !== 0 || d[i + 3] !== 255) fail('pixel ' + (i / 4 % w) + ',' + Math.floor(i / 4 / w) + ' is not green');
    }
  };
  const window = globalThis;
  const self = globalThis;
  const assert_approx_equals = (a, b, eps, m) => { if (!(Math.abs(a - b) <= eps)) fail((m || 'assert_approx_equals') + ': ' + a + ' vs ' + b + ' +/- ' + eps); };
  const assert_equals = (a, b, m) => _assertSame(a, b, m || 'assert_equals');
  const assert_true = (v, m) => _assert(v, m || 'assert_true');
  const assert_false = (v, m) => _assert(!v, m || 'assert_false');
`;

// Why a test cannot run as a drawing script, or null when it can.
function skipReason(test) {
  if (test.images || test.svgimages) return 'needs image files';
  if (test.fonts || test.fonthack) return 'needs font files';
  if (test.manual) return 'manual test';
  if (test.canvas) return 'needs canvas element attributes';
  if (!test.code) return 'no code';
  return null;
}

const files = fs.readdirSync(src).filter((f) => f.endsWith('.yaml') && f !== 'meta.yaml').sort();
const casesDir = path.join(out, 'cases');
fs.rmSync(casesDir, { recursive: true, force: true });
fs.mkdirSync(casesDir, { recursive: true });
const skipped = [];
let written = 0;
for (const file of files) {
  for (const test of parseYaml(fs.readFileSync(path.join(src, file), 'utf8'))) {
    if (!test.name) continue;
    const reason = skipReason(test);
    if (reason) {
      skipped.push(`${test.name}  ${reason}`);
      continue;
    }
    let body;
    try {
      body = convert(test.code);
      if (/@[a-z]/.test(body.replace(/'[^']*'|"[^"]*"/g, ''))) throw new Error('unconverted @ directive');
    } catch (e) {
      skipped.push(`${test.name}  conversion failed: ${e.message}`);
      continue;
    }
    const script = `// @size 100x50\n// ${file}: ${test.name}\nfunction draw(ctx, canvas, env) {${PRELUDE}\n${body}\n}\n`;
    fs.writeFileSync(path.join(casesDir, `${test.name}.js`), script);
    written++;
  }
}
fs.writeFileSync(path.join(out, 'skipped.txt'), skipped.join('\n') + '\n');
console.log(`${written} tests written to ${casesDir}, ${skipped.length} skipped (${path.join(out, 'skipped.txt')})`);
