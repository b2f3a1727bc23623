// DOMMatrixReadOnly and DOMMatrix as the Geometry Interfaces spec's WebIDL
// defines them: a 4x4 matrix (m11..m44, column by column; a-f alias the 2D
// part) with an is2D flag, the static constructors, the non-mutating
// methods on DOMMatrixReadOnly and their *Self forms plus writable
// attributes on DOMMatrix, which inherits from it. Evaluates to a function
// making a 2D DOMMatrix from [a, b, c, d, e, f] (what getTransform needs),
// given the engine's CSS transform-list parser.
((parseTransformList) => {
  'use strict';
  const slots = new WeakMap();
  const state = (self, brand) => {
    const s = slots.get(self);
    if (!s || !(self instanceof brand)) throw new TypeError('Illegal invocation');
    return s;
  };
  const NAMES = ['m11', 'm12', 'm13', 'm14', 'm21', 'm22', 'm23', 'm24',
    'm31', 'm32', 'm33', 'm34', 'm41', 'm42', 'm43', 'm44'];
  const ALIASES = { a: 0, b: 1, c: 4, d: 5, e: 12, f: 13 };
  const identity = () => [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  const from2d = ([a, b, c, d, e, f]) => [a, b, 0, 0, c, d, 0, 0, 0, 0, 1, 0, e, f, 0, 1];
  // The members that must be 0 (or 1 for m33, m44) in a 2D matrix.
  const THREE_D = [2, 3, 6, 7, 8, 9, 11, 14];
  const flat = (m) => THREE_D.every((i) => m[i] === 0) && m[10] === 1 && m[15] === 1;
  const num = (v, d) => (v === undefined ? d : Number(v));
  const typeError = (what, msg) => new TypeError(`Failed to execute '${what}': ${msg}`);

  // a x b: the matrix applying b first, then a (column vectors).
  const mul = (a, b) => {
    const out = new Array(16);
    for (let c = 0; c < 4; c++) {
      for (let r = 0; r < 4; r++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += a[k * 4 + r] * b[c * 4 + k];
        out[c * 4 + r] = s;
      }
    }
    return out;
  };
  const translation = (x, y, z) => [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, y, z, 1];
  const scaling = (x, y, z) => [x, 0, 0, 0, 0, y, 0, 0, 0, 0, z, 0, 0, 0, 0, 1];
  const RAD = Math.PI / 180;
  const toRad = (deg) => deg * RAD;
  const H = Math.SQRT1_2;
  // [sin, cos] at each multiple of 45 degrees, exact on the axes.
  const OCTANTS = [[0, 1], [H, H], [1, 0], [H, -H], [0, -1], [-H, -H], [-1, 0], [-H, H]];
  // sin and cos of `deg` degrees computed as Chromium computes them (so
  // matrices match to the bit): the angle is reduced to [0, 45] degrees
  // first, taking the complementary angle in odd octants and swapping or
  // negating the results, so rotate(60) takes sin(30) for its cosine.
  const sinCos = (deg) => {
    if (!(deg > -9e7 && deg < 9e7)) {
      const r = toRad(deg % 360);
      return [Math.sin(r), Math.cos(r)];
    }
    const n = deg / 45;
    let octant = Math.trunc(n);
    if (octant === n) return OCTANTS[octant & 7];
    if (deg < 0) octant -= 1;
    let d = deg - octant * 45;
    if (octant & 1) d = 45 - d;
    let s = Math.sin(toRad(d));
    let c = Math.cos(toRad(d));
    if ((octant + 1) & 2) [s, c] = [c, s];
    if (octant & 4) s = -s;
    if ((octant + 2) & 4) c = -c;
    return [s, c];
  };
  // Rotation by `deg` degrees about the axis (x, y, z), as CSS Transforms
  // define rotate3d(); a unit axis along x, y or z takes the plain
  // rotation (the general form's 1 - cos + cos need not be 1).
  const rotation = (x, y, z, deg) => {
    const sq = x * x + y * y + z * z;
    if (sq === 0) return identity();
    if (sq !== 1) {
      const k = 1 / Math.sqrt(sq);
      [x, y, z] = [x * k, y * k, z * k];
    }
    const [s, c] = sinCos(deg);
    if (s === 0 && c === 1) return identity();
    if (z === 1) return [c, s, 0, 0, -s, c, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    if (y === 1) return [c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, 0, 0, 0, 1];
    if (x === 1) return [1, 0, 0, 0, 0, c, s, 0, 0, -s, c, 0, 0, 0, 0, 1];
    const t = 1 - c;
    const [xt, yt, zt] = [x * t, y * t, z * t];
    const [xyt, yzt, zxt] = [x * yt, y * zt, z * xt];
    return [
      x * xt + c, xyt + z * s, zxt - y * s, 0,
      xyt - z * s, y * yt + c, yzt + x * s, 0,
      zxt + y * s, yzt - x * s, z * zt + c, 0,
      0, 0, 0, 1,
    ];
  };
  const skew = (sx, sy) => [1, Math.tan(toRad(sy)), 0, 0, Math.tan(toRad(sx)), 1, 0, 0,
    0, 0, 1, 0, 0, 0, 0, 1];

  // General 4x4 inverse (cofactors); null when singular or not finite.
  const invert = (m) => {
    const inv = new Array(16);
    inv[0] = m[5] * m[10] * m[15] - m[5] * m[11] * m[14] - m[9] * m[6] * m[15] + m[9] * m[7] * m[14] + m[13] * m[6] * m[11] - m[13] * m[7] * m[10];
    inv[4] = -m[4] * m[10] * m[15] + m[4] * m[11] * m[14] + m[8] * m[6] * m[15] - m[8] * m[7] * m[14] - m[12] * m[6] * m[11] + m[12] * m[7] * m[10];
    inv[8] = m[4] * m[9] * m[15] - m[4] * m[11] * m[13] - m[8] * m[5] * m[15] + m[8] * m[7] * m[13] + m[12] * m[5] * m[11] - m[12] * m[7] * m[9];
    inv[12] = -m[4] * m[9] * m[14] + m[4] * m[10] * m[13] + m[8] * m[5] * m[14] - m[8] * m[6] * m[13] - m[12] * m[5] * m[10] + m[12] * m[6] * m[9];
    inv[1] = -m[1] * m[10] * m[15] + m[1] * m[11] * m[14] + m[9] * m[2] * m[15] - m[9] * m[3] * m[14] - m[13] * m[2] * m[11] + m[13] * m[3] * m[10];
    inv[5] = m[0] * m[10] * m[15] - m[0] * m[11] * m[14] - m[8] * m[2] * m[15] + m[8] * m[3] * m[14] + m[12] * m[2] * m[11] - m[12] * m[3] * m[10];
    inv[9] = -m[0] * m[9] * m[15] + m[0] * m[11] * m[13] + m[8] * m[1] * m[15] - m[8] * m[3] * m[13] - m[12] * m[1] * m[11] + m[12] * m[3] * m[9];
    inv[13] = m[0] * m[9] * m[14] - m[0] * m[10] * m[13] - m[8] * m[1] * m[14] + m[8] * m[2] * m[13] + m[12] * m[1] * m[10] - m[12] * m[2] * m[9];
    inv[2] = m[1] * m[6] * m[15] - m[1] * m[7] * m[14] - m[5] * m[2] * m[15] + m[5] * m[3] * m[14] + m[13] * m[2] * m[7] - m[13] * m[3] * m[6];
    inv[6] = -m[0] * m[6] * m[15] + m[0] * m[7] * m[14] + m[4] * m[2] * m[15] - m[4] * m[3] * m[14] - m[12] * m[2] * m[7] + m[12] * m[3] * m[6];
    inv[10] = m[0] * m[5] * m[15] - m[0] * m[7] * m[13] - m[4] * m[1] * m[15] + m[4] * m[3] * m[13] + m[12] * m[1] * m[7] - m[12] * m[3] * m[5];
    inv[14] = -m[0] * m[5] * m[14] + m[0] * m[6] * m[13] + m[4] * m[1] * m[14] - m[4] * m[2] * m[13] - m[12] * m[1] * m[6] + m[12] * m[2] * m[5];
    inv[3] = -m[1] * m[6] * m[11] + m[1] * m[7] * m[10] + m[5] * m[2] * m[11] - m[5] * m[3] * m[10] - m[9] * m[2] * m[7] + m[9] * m[3] * m[6];
    inv[7] = m[0] * m[6] * m[11] - m[0] * m[7] * m[10] - m[4] * m[2] * m[11] + m[4] * m[3] * m[10] + m[8] * m[2] * m[7] - m[8] * m[3] * m[6];
    inv[11] = -m[0] * m[5] * m[11] + m[0] * m[7] * m[9] + m[4] * m[1] * m[11] - m[4] * m[3] * m[9] - m[8] * m[1] * m[7] + m[8] * m[3] * m[5];
    inv[15] = m[0] * m[5] * m[10] - m[0] * m[6] * m[9] - m[4] * m[1] * m[10] + m[4] * m[2] * m[9] + m[8] * m[1] * m[6] - m[8] * m[2] * m[5];
    const det = m[0] * inv[0] + m[1] * inv[4] + m[2] * inv[8] + m[3] * inv[12];
    if (det === 0 || !Number.isFinite(det)) return null;
    return inv.map((v) => v / det);
  };

  // "Validate and fixup" a DOMMatrixInit dictionary: [values, is2D].
  const fixup = (init, what) => {
    if (init === undefined || init === null) return [identity(), true];
    if (typeof init !== 'object' && typeof init !== 'function') {
      throw typeError(what, "parameter 1 ('other') is not of type 'DOMMatrixInit'.");
    }
    const read = (k) => (init[k] === undefined ? undefined : Number(init[k]));
    const m = identity();
    for (const [short, i] of Object.entries(ALIASES)) {
      const s = read(short);
      const l = read(NAMES[i]);
      if (s !== undefined && l !== undefined && !(s === l || (Number.isNaN(s) && Number.isNaN(l)))) {
        throw typeError(what, `The '${short}' property should equal the '${NAMES[i]}' property.`);
      }
      if (l !== undefined) m[i] = l;
      else if (s !== undefined) m[i] = s;
    }
    for (const i of [...THREE_D, 10, 15]) {
      const v = read(NAMES[i]);
      if (v !== undefined) m[i] = v;
    }
    const given = init.is2D === undefined ? undefined : Boolean(init.is2D);
    if (given === true && !flat(m)) {
      throw typeError(what, "The 'is2D' property is true but a 3D member is set.");
    }
    return [m, given === undefined ? flat(m) : given];
  };

  // "Parse a string into an abstract matrix": the CSS transform list
  // (syntax, units and 3D-ness from the engine's parser), each function's
  // matrix post-multiplied in order.
  const parse = (text, what) => {
    const s = String(text);
    const list = parseTransformList(s);
    if (list === null) {
      throw new DOMException(`Failed to execute '${what}': Failed to parse '${s}'.`, 'SyntaxError');
    }
    let m = identity();
    for (const [name, ...v] of list.functions) {
      let f;
      if (name === 'matrix') f = v.length === 6 ? from2d(v) : v;
      else if (name === 'translate') f = translation(v[0], v[1], v[2]);
      else if (name === 'scale') f = scaling(v[0], v[1], v[2]);
      else if (name === 'rotate') f = rotation(v[0], v[1], v[2], v[3]);
      else if (name === 'skew') f = skew(v[0], v[1]);
      else {
        // perspective(d): distances under 1px count as 1px (CSS Transforms 2).
        f = identity();
        if (!Number.isNaN(v[0])) f[11] = -1 / Math.max(v[0], 1);
      }
      m = mul(m, f);
    }
    return [m, list.is2D];
  };

  const make = (cls, m, is2D) => {
    const o = Object.create(cls.prototype);
    slots.set(o, { m: m.slice(), is2D });
    return o;
  };
  const fromArray = (cls, values, what) => {
    if (values.length === 6) return make(cls, from2d(Array.from(values)), true);
    if (values.length === 16) return make(cls, Array.from(values), false);
    throw typeError(what, `The sequence must contain 6 or 16 elements, not ${values.length}.`);
  };

  class DOMMatrixReadOnly {
    constructor(...args) {
      const init = args[0];
      const what = `Failed to construct '${new.target.name}'`;
      let m;
      let is2D;
      if (init === undefined) {
        [m, is2D] = [identity(), true];
      } else if (typeof init === 'string') {
        [m, is2D] = parse(init, what);
      } else if (init !== null && typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
        const values = Array.from(init, Number);
        if (values.length === 6) [m, is2D] = [from2d(values), true];
        else if (values.length === 16) [m, is2D] = [values, false];
        else throw new TypeError(`${what}: The sequence must contain 6 or 16 elements, not ${values.length}.`);
      } else {
        [m, is2D] = parse(init, what);
      }
      slots.set(this, { m, is2D });
    }
    static fromMatrix(other) {
      const [m, is2D] = fixup(other, 'fromMatrix');
      return make(this === DOMMatrix ? DOMMatrix : DOMMatrixReadOnly, m, is2D);
    }
    static fromFloat32Array(array32) {
      if (!(array32 instanceof Float32Array)) {
        throw typeError('fromFloat32Array', "parameter 1 is not of type 'Float32Array'.");
      }
      return fromArray(this === DOMMatrix ? DOMMatrix : DOMMatrixReadOnly, array32, 'fromFloat32Array');
    }
    static fromFloat64Array(array64) {
      if (!(array64 instanceof Float64Array)) {
        throw typeError('fromFloat64Array', "parameter 1 is not of type 'Float64Array'.");
      }
      return fromArray(this === DOMMatrix ? DOMMatrix : DOMMatrixReadOnly, array64, 'fromFloat64Array');
    }
    // The non-mutating operations: a new DOMMatrix each, built from a copy.
    translate(tx, ty, tz) { return copy(this).translateSelf(tx, ty, tz); }
    scale(sx, sy, sz, ox, oy, oz) { return copy(this).scaleSelf(sx, sy, sz, ox, oy, oz); }
    scaleNonUniform(sx, sy) { return copy(this).scaleSelf(num(sx, 1), num(sy, 1), 1, 0, 0, 0); }
    scale3d(s, ox, oy, oz) { return copy(this).scale3dSelf(s, ox, oy, oz); }
    rotate(rx, ry, rz) { return copy(this).rotateSelf(rx, ry, rz); }
    rotateFromVector(x, y) { return copy(this).rotateFromVectorSelf(x, y); }
    rotateAxisAngle(x, y, z, angle) { return copy(this).rotateAxisAngleSelf(x, y, z, angle); }
    skewX(sx) { return copy(this).skewXSelf(sx); }
    skewY(sy) { return copy(this).skewYSelf(sy); }
    multiply(other) { return copy(this).multiplySelf(other); }
    flipX() { return copy(this).multiplySelf({ a: -1 }); }
    flipY() { return copy(this).multiplySelf({ d: -1 }); }
    inverse() { return copy(this).invertSelf(); }
    transformPoint(point) {
      const { m } = state(this, DOMMatrixReadOnly);
      const p = point === undefined || point === null ? {} : point;
      if (typeof p !== 'object' && typeof p !== 'function') {
        throw typeError('transformPoint', "parameter 1 is not of type 'DOMPointInit'.");
      }
      const [x, y, z, w] = [num(p.x, 0), num(p.y, 0), num(p.z, 0), num(p.w, 1)];
      return new globalThis.DOMPoint(
        m[0] * x + m[4] * y + m[8] * z + m[12] * w,
        m[1] * x + m[5] * y + m[9] * z + m[13] * w,
        m[2] * x + m[6] * y + m[10] * z + m[14] * w,
        m[3] * x + m[7] * y + m[11] * z + m[15] * w,
      );
    }
    toFloat32Array() { return new Float32Array(state(this, DOMMatrixReadOnly).m); }
    toFloat64Array() { return new Float64Array(state(this, DOMMatrixReadOnly).m); }
    toString() {
      const { m, is2D } = state(this, DOMMatrixReadOnly);
      const values = is2D ? [m[0], m[1], m[4], m[5], m[12], m[13]] : m;
      if (!values.every(Number.isFinite)) {
        throw new DOMException('Cannot be serialized with NaN or Infinity values.', 'InvalidStateError');
      }
      return `${is2D ? 'matrix' : 'matrix3d'}(${values.map(String).join(', ')})`;
    }
    toJSON() {
      const out = {};
      for (const k of [...Object.keys(ALIASES), ...NAMES, 'is2D', 'isIdentity']) out[k] = this[k];
      return out;
    }
  }
  const copy = (self) => {
    const { m, is2D } = state(self, DOMMatrixReadOnly);
    return make(DOMMatrix, m, is2D);
  };

  class DOMMatrix extends DOMMatrixReadOnly {
    static fromMatrix(other) { return super.fromMatrix.call(DOMMatrix, other); }
    static fromFloat32Array(a) { return super.fromFloat32Array.call(DOMMatrix, a); }
    static fromFloat64Array(a) { return super.fromFloat64Array.call(DOMMatrix, a); }
    multiplySelf(other) {
      const s = state(this, DOMMatrix);
      const [o, o2d] = fixup(other, 'multiplySelf');
      s.m = mul(s.m, o);
      s.is2D = s.is2D && o2d;
      return this;
    }
    preMultiplySelf(other) {
      const s = state(this, DOMMatrix);
      const [o, o2d] = fixup(other, 'preMultiplySelf');
      s.m = mul(o, s.m);
      s.is2D = s.is2D && o2d;
      return this;
    }
    translateSelf(tx, ty, tz) {
      const s = state(this, DOMMatrix);
      const z = num(tz, 0);
      s.m = mul(s.m, translation(num(tx, 0), num(ty, 0), z));
      if (z !== 0) s.is2D = false;
      return this;
    }
    scaleSelf(sx, sy, sz, ox, oy, oz) {
      const s = state(this, DOMMatrix);
      const x = num(sx, 1);
      const y = sy === undefined ? x : Number(sy);
      const z = num(sz, 1);
      const [px, py, pz] = [num(ox, 0), num(oy, 0), num(oz, 0)];
      s.m = mul(mul(mul(s.m, translation(px, py, pz)), scaling(x, y, z)), translation(-px, -py, -pz));
      if (z !== 1 || pz !== 0) s.is2D = false;
      return this;
    }
    scale3dSelf(scale, ox, oy, oz) {
      const s = state(this, DOMMatrix);
      const k = num(scale, 1);
      const [px, py, pz] = [num(ox, 0), num(oy, 0), num(oz, 0)];
      s.m = mul(mul(mul(s.m, translation(px, py, pz)), scaling(k, k, k)), translation(-px, -py, -pz));
      if (k !== 1) s.is2D = false;
      return this;
    }
    rotateSelf(rx, ry, rz) {
      const s = state(this, DOMMatrix);
      let [x, y, z] = [num(rx, 0), ry === undefined ? undefined : Number(ry), rz === undefined ? undefined : Number(rz)];
      if (y === undefined && z === undefined) [x, y, z] = [0, 0, x];
      y = y === undefined ? 0 : y;
      z = z === undefined ? 0 : z;
      if (x !== 0 || y !== 0) s.is2D = false;
      s.m = mul(mul(mul(s.m, rotation(0, 0, 1, z)), rotation(0, 1, 0, y)), rotation(1, 0, 0, x));
      return this;
    }
    rotateFromVectorSelf(x, y) {
      const s = state(this, DOMMatrix);
      const [vx, vy] = [num(x, 0), num(y, 0)];
      const deg = vx === 0 && vy === 0 ? 0 : Math.atan2(vy, vx) * 180 / Math.PI;
      s.m = mul(s.m, rotation(0, 0, 1, deg));
      return this;
    }
    rotateAxisAngleSelf(x, y, z, angle) {
      const s = state(this, DOMMatrix);
      const [ax, ay, az] = [num(x, 0), num(y, 0), num(z, 0)];
      s.m = mul(s.m, rotation(ax, ay, az, num(angle, 0)));
      if (ax !== 0 || ay !== 0) s.is2D = false;
      return this;
    }
    skewXSelf(sx) {
      const s = state(this, DOMMatrix);
      s.m = mul(s.m, skew(num(sx, 0), 0));
      return this;
    }
    skewYSelf(sy) {
      const s = state(this, DOMMatrix);
      s.m = mul(s.m, skew(0, num(sy, 0)));
      return this;
    }
    invertSelf() {
      const s = state(this, DOMMatrix);
      const inv = invert(s.m);
      if (inv) {
        s.m = inv;
      } else {
        s.m = new Array(16).fill(NaN);
        s.is2D = false;
      }
      return this;
    }
    setMatrixValue(text) {
      const s = state(this, DOMMatrix);
      [s.m, s.is2D] = parse(text, 'setMatrixValue');
      return this;
    }
  }

  // Attributes: getters on DOMMatrixReadOnly, setters added on DOMMatrix.
  const define = (proto, name, get, set) => Object.defineProperty(proto, name, {
    enumerable: true,
    configurable: true,
    get: { [name]() { return get(this); } }[name],
    ...(set ? { set: { [name](v) { set(this, Number(v)); } }[name] } : {}),
  });
  const members = [...Object.entries(ALIASES), ...NAMES.map((n, i) => [n, i])];
  for (const [name, i] of members) {
    define(DOMMatrixReadOnly.prototype, name, (o) => state(o, DOMMatrixReadOnly).m[i]);
    define(DOMMatrix.prototype, name, (o) => state(o, DOMMatrix).m[i], (o, v) => {
      const s = state(o, DOMMatrix);
      s.m[i] = v;
      if (THREE_D.includes(i) ? v !== 0 : (i === 10 || i === 15) && v !== 1) s.is2D = false;
    });
  }
  define(DOMMatrixReadOnly.prototype, 'is2D', (o) => state(o, DOMMatrixReadOnly).is2D);
  define(DOMMatrixReadOnly.prototype, 'isIdentity', (o) => {
    const { m } = state(o, DOMMatrixReadOnly);
    return identity().every((v, i) => m[i] === v);
  });

  for (const [cls, name] of [[DOMMatrixReadOnly, 'DOMMatrixReadOnly'], [DOMMatrix, 'DOMMatrix']]) {
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
    // WebIDL operations are enumerable (unlike class methods) and come
    // after the attributes: redefine them last.
    for (const target of [cls, cls.prototype]) {
      for (const k of Object.getOwnPropertyNames(target)) {
        const d = Object.getOwnPropertyDescriptor(target, k);
        if (typeof d.value === 'function' && k !== 'constructor') {
          delete target[k];
          Object.defineProperty(target, k, { ...d, enumerable: true });
        }
      }
    }
    Object.defineProperty(globalThis, name, { value: cls, writable: true, configurable: true });
  }
  return (values) => make(DOMMatrix, from2d(values), true);
})
