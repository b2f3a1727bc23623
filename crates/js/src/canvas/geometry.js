// DOMPointReadOnly, DOMPoint, DOMRectReadOnly and DOMRect as the Geometry
// Interfaces spec's WebIDL defines them: unrestricted doubles, accessor
// attributes on the prototypes (writable only on the mutable classes, which
// inherit from the read-only ones), fromPoint/fromRect, toJSON, and
// matrixTransform through DOMMatrix (matrix.js).
(() => {
  'use strict';
  const slots = new WeakMap();
  const state = (self, brand) => {
    const s = slots.get(self);
    if (!s || !(self instanceof brand)) throw new TypeError('Illegal invocation');
    return s;
  };
  const num = (v, d) => (v === undefined ? d : Number(v));
  const dict = (v, name) => {
    if (v === undefined || v === null) return {};
    if (typeof v !== 'object' && typeof v !== 'function') {
      throw new TypeError(`Failed to execute '${name}': parameter 1 is not of type 'object'.`);
    }
    return v;
  };
  // Accessors as WebIDL makes them: enumerable and configurable.
  const attributes = (cls, brand, names, writable) => {
    for (const n of names) {
      const desc = {
        enumerable: true,
        configurable: true,
        get: { [n]() { return state(this, brand)[n]; } }[n],
      };
      if (writable) desc.set = { [n](v) { state(this, brand)[n] = Number(v); } }[n];
      Object.defineProperty(cls.prototype, n, desc);
    }
  };
  const tag = (cls, name) =>
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });

  const POINT = ['x', 'y', 'z', 'w'];
  class DOMPointReadOnly {
    constructor(x, y, z, w) {
      slots.set(this, { x: num(x, 0), y: num(y, 0), z: num(z, 0), w: num(w, 1) });
    }
    static fromPoint(other) {
      const o = dict(other, 'fromPoint');
      return new this(o.x, o.y, o.z, o.w);
    }
    matrixTransform(matrix) {
      const m = matrix instanceof DOMMatrixReadOnly ? matrix : DOMMatrix.fromMatrix(dict(matrix, 'matrixTransform'));
      return m.transformPoint(state(this, DOMPointReadOnly));
    }
    toJSON() {
      const { x, y, z, w } = state(this, DOMPointReadOnly);
      return { x, y, z, w };
    }
  }
  class DOMPoint extends DOMPointReadOnly {
    static fromPoint(other) {
      const o = dict(other, 'fromPoint');
      return new DOMPoint(o.x, o.y, o.z, o.w);
    }
  }
  attributes(DOMPointReadOnly, DOMPointReadOnly, POINT, false);
  attributes(DOMPoint, DOMPoint, POINT, true);
  tag(DOMPointReadOnly, 'DOMPointReadOnly');
  tag(DOMPoint, 'DOMPoint');

  // min/max that let NaN through, as the spec's top/right/bottom/left do.
  const min = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b));
  const max = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b));
  const RECT = ['x', 'y', 'width', 'height'];
  class DOMRectReadOnly {
    constructor(x, y, width, height) {
      slots.set(this, { x: num(x, 0), y: num(y, 0), width: num(width, 0), height: num(height, 0) });
    }
    static fromRect(other) {
      const o = dict(other, 'fromRect');
      return new this(o.x, o.y, o.width, o.height);
    }
    toJSON() {
      const r = state(this, DOMRectReadOnly);
      const out = { x: r.x, y: r.y, width: r.width, height: r.height };
      for (const k of ['top', 'right', 'bottom', 'left']) out[k] = this[k];
      return out;
    }
  }
  class DOMRect extends DOMRectReadOnly {
    static fromRect(other) {
      const o = dict(other, 'fromRect');
      return new DOMRect(o.x, o.y, o.width, o.height);
    }
  }
  attributes(DOMRectReadOnly, DOMRectReadOnly, RECT, false);
  attributes(DOMRect, DOMRect, RECT, true);
  const edges = {
    top: (r) => min(r.y, r.y + r.height),
    right: (r) => max(r.x, r.x + r.width),
    bottom: (r) => max(r.y, r.y + r.height),
    left: (r) => min(r.x, r.x + r.width),
  };
  for (const [n, f] of Object.entries(edges)) {
    Object.defineProperty(DOMRectReadOnly.prototype, n, {
      enumerable: true,
      configurable: true,
      get: { [n]() { return f(state(this, DOMRectReadOnly)); } }[n],
    });
  }
  tag(DOMRectReadOnly, 'DOMRectReadOnly');
  tag(DOMRect, 'DOMRect');

  for (const cls of [DOMPointReadOnly, DOMPoint, DOMRectReadOnly, DOMRect]) {
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
    Object.defineProperty(globalThis, cls.name, { value: cls, writable: true, configurable: true });
  }
})();
