// `Date` in the simulated device's time zone and clock. QuickJS computes
// local time with the host's zone; here every local-time method goes
// through the device zone (native.tzOffset / native.fromLocal, the IANA
// rules in Rust) and "now" comes from native.clock (the real clock, or a
// fixed start advancing with the virtual timers).
(function (native, global) {
  'use strict';
  const define = (obj, name, value) =>
    Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });
  // The engine's own Date, kept on the wrapper so installing again (a
  // session changing the device) wraps the original, not the wrapper.
  const HOST = Symbol.for('mpcanvas.hostDate');
  const HostDate = global.Date[HOST] || global.Date;
  const proto = HostDate.prototype;
  const valueOf = proto.valueOf;
  const setTime = proto.setTime;
  const hostParse = HostDate.parse;
  // The host's own offset, kept like HOST: a second install must not read
  // back the device offset the first one defined on the shared prototype.
  const HOST_OFFSET = Symbol.for('mpcanvas.hostTimezoneOffset');
  const hostOffset = HostDate[HOST_OFFSET] || proto.getTimezoneOffset;
  if (!HostDate[HOST_OFFSET]) Object.defineProperty(HostDate, HOST_OFFSET, { value: hostOffset });
  const utc = {};
  for (const name of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    utc['get' + name] = proto['getUTC' + name];
    if (name !== 'Day') utc['set' + name] = proto['setUTC' + name];
  }
  // A scratch date for field arithmetic on local times encoded as UTC.
  const scratch = new HostDate(0);

  const offsetAt = (t) => native.tzOffset(t);
  const localOf = (t) => t + offsetAt(t);
  function timeClip(t) {
    if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return NaN;
    return Math.trunc(t) + 0;
  }
  const fromLocal = (local) => (Number.isFinite(local) ? timeClip(native.fromLocal(local)) : NaN);

  // Strings without an explicit zone that the host read as its local
  // time are read again as device-local time; ISO date-only forms are UTC.
  const ZONED = /(Z|[+-]\d\d:?\d\d|\b(GMT|UTC|UT)\b)\s*(\(.*\))?\s*$/i;
  const DATE_ONLY = /^\s*([+-]\d{6}|\d{4})(-\d\d(-\d\d)?)?\s*$/;
  function parse(s) {
    s = String(s);
    const t = hostParse(s);
    if (Number.isNaN(t) || ZONED.test(s) || DATE_ONLY.test(s)) return t;
    setTime.call(scratch, t);
    const hostLocal = t - hostOffset.call(scratch) * 60000;
    return fromLocal(hostLocal);
  }

  function Date(...args) {
    if (!new.target) return dateString(native.clock());
    let t;
    if (args.length === 0) t = native.clock();
    else if (args.length === 1) {
      const v = args[0];
      if (v instanceof HostDate) t = valueOf.call(v);
      else {
        const p = typeof v === 'object' && v !== null ? v.valueOf() : v;
        t = typeof p === 'string' ? parse(p) : Number(p);
      }
      t = timeClip(t);
    } else {
      const n = args.map(Number);
      if (n.slice(0, 7).some((x) => !Number.isFinite(x))) t = NaN;
      else {
        let year = Math.trunc(n[0]);
        if (year >= 0 && year <= 99) year += 1900;
        t = fromLocal(HostDate.UTC(year, n[1], n.length > 2 ? n[2] : 1, n[3] || 0, n[4] || 0, n[5] || 0, n[6] || 0));
      }
    }
    return Reflect.construct(HostDate, [t], new.target === Date ? HostDate : new.target);
  }
  Object.setPrototypeOf(Date, Object.getPrototypeOf(HostDate));
  Object.defineProperty(Date, 'prototype', { value: proto, writable: false });
  define(proto, 'constructor', Date);
  Object.defineProperty(Date, 'length', { value: 7, configurable: true });
  Object.defineProperty(Date, HOST, { value: HostDate });
  define(Date, 'UTC', HostDate.UTC);
  define(Date, 'now', function now() {
    return native.clock();
  });
  define(Date, 'parse', function parse_(s) {
    return parse(s);
  });
  Object.defineProperty(Date.parse, 'name', { value: 'parse' });

  function thisTime(d) {
    return valueOf.call(d);
  }

  // Local getters: the UTC getter on the local time.
  for (const name of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    define(proto, 'get' + name, {
      ['get' + name]() {
        const t = thisTime(this);
        if (Number.isNaN(t)) return NaN;
        setTime.call(scratch, localOf(t));
        return utc['get' + name].call(scratch);
      },
    }['get' + name]);
  }
  define(proto, 'getYear', function getYear() {
    const y = this.getFullYear();
    return Number.isNaN(y) ? NaN : y - 1900;
  });
  define(proto, 'getTimezoneOffset', function getTimezoneOffset() {
    const t = thisTime(this);
    return Number.isNaN(t) ? NaN : -offsetAt(t) / 60000;
  });

  // Local setters: set the field on the local time, convert back.
  for (const name of ['FullYear', 'Month', 'Date', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    define(proto, 'set' + name, {
      ['set' + name](...args) {
        let t = thisTime(this);
        if (Number.isNaN(t)) {
          if (name !== 'FullYear') {
            args.forEach(Number);
            return NaN;
          }
          t = 0;
          setTime.call(scratch, 0);
        } else setTime.call(scratch, localOf(t));
        const local = utc['set' + name].apply(scratch, args);
        return setTime.call(this, fromLocal(local));
      },
    }['set' + name]);
  }
  define(proto, 'setYear', function setYear(y) {
    y = Number(y);
    if (Number.isNaN(y)) return setTime.call(this, NaN);
    const yi = Math.trunc(y);
    return this.setFullYear(yi >= 0 && yi <= 99 ? yi + 1900 : y);
  });

  // toString and friends, in the device zone, with the zone's long name in
  // the system language as V8 prints it ("(中国标准时间)").
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  function fields(t) {
    setTime.call(scratch, localOf(t));
    return {
      y: utc.getFullYear.call(scratch),
      mo: utc.getMonth.call(scratch),
      d: utc.getDate.call(scratch),
      wd: utc.getDay.call(scratch),
      h: utc.getHours.call(scratch),
      mi: utc.getMinutes.call(scratch),
      s: utc.getSeconds.call(scratch),
    };
  }
  function yearString(y) {
    return y < 0 ? '-' + pad(-y, 6) : pad(y, 4);
  }
  function datePart(f) {
    return `${DAYS[f.wd]} ${MONTHS[f.mo]} ${pad(f.d)} ${yearString(f.y)}`;
  }
  function timePart(t, f) {
    const off = offsetAt(t) / 60000;
    const sign = off < 0 ? '-' : '+';
    const a = Math.abs(off);
    const name = native.zoneName(t);
    const gmt = `GMT${sign}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
    return `${pad(f.h)}:${pad(f.mi)}:${pad(f.s)} ${gmt}${name === undefined ? '' : ` (${name})`}`;
  }
  function dateString(t) {
    if (Number.isNaN(t)) return 'Invalid Date';
    const f = fields(t);
    return `${datePart(f)} ${timePart(t, f)}`;
  }
  define(proto, 'toString', function toString() {
    return dateString(thisTime(this));
  });
  define(proto, 'toDateString', function toDateString() {
    const t = thisTime(this);
    return Number.isNaN(t) ? 'Invalid Date' : datePart(fields(t));
  });
  define(proto, 'toTimeString', function toTimeString() {
    const t = thisTime(this);
    return Number.isNaN(t) ? 'Invalid Date' : timePart(t, fields(t));
  });

  define(global, 'Date', Date);

  // performance.now(): milliseconds of the run (virtual time under a fixed
  // clock, so it advances with the timers and nothing else).
  if (native.fixedClock) {
    // The engine's performance.now cannot be redefined: a new object
    // inheriting the rest stands in for it.
    const performance = Object.create(global.performance || Object.prototype);
    define(performance, 'now', function now() {
      return native.elapsed();
    });
    define(global, 'performance', performance);
  }

  // Math.random from the run's seed, when one was given.
  if (native.seeded) {
    define(Math, 'random', function random() {
      return native.random();
    });
    const crypto = global.crypto;
    if (crypto && typeof crypto.getRandomValues === 'function') {
      define(crypto, 'getRandomValues', function getRandomValues(array) {
        if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
          throw new TypeError("Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView is not an integer array");
        }
        if (array.byteLength > 65536) {
          throw new RangeError(`Failed to execute 'getRandomValues' on 'Crypto': The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536).`);
        }
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(native.random() * 256);
        return array;
      });
    }
  }
});
