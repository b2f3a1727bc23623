// The ECMA-402 surface of `Intl` and the locale-sensitive built-in methods
// over the native formatters (intl_native.rs). Options are read and coerced
// here in the order and way ECMA-402 reads them (GetOption), so native code
// only sees strings, numbers, booleans and undefined.
(function (native, global) {
  'use strict';
  const define = (obj, name, value) =>
    Object.defineProperty(obj, name, { value, writable: true, configurable: true, enumerable: false });

  function localeList(locales) {
    if (locales === undefined) return [];
    if (typeof locales === 'string') return native.canonicalize([locales]);
    if (locales === null) throw new TypeError('Cannot convert undefined or null to object');
    const o = Object(locales);
    const len = Math.min(Number(o.length) || 0, 1000);
    const tags = [];
    for (let i = 0; i < len; i++) {
      if (!(i in o)) continue;
      const v = o[i];
      if (typeof v !== 'string' && (typeof v !== 'object' || v === null)) {
        throw new TypeError('Language ID should be string or object.');
      }
      tags.push(String(v));
    }
    return native.canonicalize(tags);
  }

  function optionsObject(options) {
    if (options === undefined) return Object.create(null);
    if (options === null) throw new TypeError('Cannot convert undefined or null to object');
    return Object(options);
  }

  function getString(owner, o, name, allowed) {
    const v = o[name];
    if (v === undefined) return undefined;
    const s = String(v);
    if (allowed && !allowed.includes(s)) {
      throw new RangeError(`Value ${s} out of range for Intl.${owner} options property ${name}`);
    }
    return s;
  }

  function getBoolean(o, name) {
    const v = o[name];
    return v === undefined ? undefined : Boolean(v);
  }

  function getNumber(o, name, min, max) {
    const v = o[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (Number.isNaN(n) || n < min || n > max) throw new RangeError(`${name} value is out of range.`);
    return Math.floor(n);
  }

  // A wrapper's native formatter; objects not made by the constructor throw.
  const slots = new WeakMap();
  function slot(obj, owner, method) {
    const s = typeof obj === 'object' && obj !== null ? slots.get(obj) : undefined;
    if (!s || s.owner !== owner) {
      throw new TypeError(`Method Intl.${owner}.prototype.${method} called on incompatible receiver ${String(obj)}`);
    }
    return s.native;
  }

  function makeConstructor(owner, create, methods, getters) {
    const C = function (locales, options) {
      if (!new.target && owner !== 'NumberFormat' && owner !== 'DateTimeFormat' && owner !== 'Collator') {
        throw new TypeError(`Constructor Intl.${owner} requires 'new'`);
      }
      const self = new.target ? this : Object.create(C.prototype);
      slots.set(self, { owner, native: create(locales, options) });
      return self;
    };
    Object.defineProperty(C, 'name', { value: owner });
    // Only the locales whose data is shipped; the others fall back to the
    // device's locale, as ECMA-402's lookup does.
    define(C, 'supportedLocalesOf', function supportedLocalesOf(locales) {
      return native.supported(localeList(locales));
    });
    for (const [name, fn] of Object.entries(methods)) {
      define(C.prototype, name, {
        [name](...args) {
          return fn.call(this, slot(this, owner, name), ...args);
        },
      }[name]);
    }
    for (const [name, fn] of Object.entries(getters)) {
      Object.defineProperty(C.prototype, name, {
        configurable: true,
        get() {
          const s = slot(this, owner, name);
          const holder = slots.get(this);
          if (!holder.bound) holder.bound = Object.create(null);
          if (!holder.bound[name]) holder.bound[name] = fn(s);
          return holder.bound[name];
        },
      });
    }
    define(C.prototype, 'resolvedOptions', function resolvedOptions() {
      return Object.assign({}, slot(this, owner, 'resolvedOptions').resolved);
    });
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: `Intl.${owner}`, configurable: true });
    return C;
  }

  // Intl.NumberFormat
  function numberOptions(options) {
    const o = optionsObject(options);
    const N = 'NumberFormat';
    const out = {};
    getString(N, o, 'localeMatcher', ['lookup', 'best fit']);
    getString(N, o, 'numberingSystem');
    out.style = getString(N, o, 'style', ['decimal', 'percent', 'currency', 'unit']);
    out.currency = getString(N, o, 'currency');
    if (out.currency !== undefined && !/^[A-Za-z]{3}$/.test(out.currency)) {
      throw new RangeError(`Invalid currency code : ${out.currency}`);
    }
    out.currencyDisplay = getString(N, o, 'currencyDisplay', ['code', 'symbol', 'narrowSymbol', 'name']);
    getString(N, o, 'currencySign', ['standard', 'accounting']);
    out.unit = getString(N, o, 'unit');
    if (out.style === 'unit' && out.unit === undefined) {
      throw new TypeError("Invalid unit argument for Intl.NumberFormat() ''");
    }
    out.unitDisplay = getString(N, o, 'unitDisplay', ['short', 'narrow', 'long']);
    out.notation = getString(N, o, 'notation', ['standard', 'scientific', 'engineering', 'compact']);
    out.minimumIntegerDigits = getNumber(o, 'minimumIntegerDigits', 1, 21);
    const mnfd = o.minimumFractionDigits;
    const mxfd = o.maximumFractionDigits;
    const mnsd = o.minimumSignificantDigits;
    const mxsd = o.maximumSignificantDigits;
    if (mnsd !== undefined || mxsd !== undefined) {
      out.minimumSignificantDigits = getNumber(o, 'minimumSignificantDigits', 1, 21);
      out.maximumSignificantDigits = getNumber(o, 'maximumSignificantDigits', out.minimumSignificantDigits || 1, 21);
    }
    if (mnfd !== undefined) out.minimumFractionDigits = getNumber(o, 'minimumFractionDigits', 0, 100);
    if (mxfd !== undefined) out.maximumFractionDigits = getNumber(o, 'maximumFractionDigits', 0, 100);
    out.compactDisplay = getString(N, o, 'compactDisplay', ['short', 'long']);
    const grouping = o.useGrouping;
    if (grouping !== undefined) {
      if (grouping === true || grouping === false) out.useGrouping = String(grouping);
      else {
        const g = String(grouping);
        if (g === 'true' || g === 'false') out.useGrouping = g === 'true' ? 'always' : 'auto';
        else if (!['min2', 'auto', 'always'].includes(g)) out.useGrouping = grouping ? 'always' : 'false';
        else out.useGrouping = g;
      }
    }
    out.signDisplay = getString(N, o, 'signDisplay', ['auto', 'never', 'always', 'exceptZero', 'negative']);
    return out;
  }

  const NumberFormat = makeConstructor(
    'NumberFormat',
    (locales, options) => native.numberFormat(localeList(locales), numberOptions(options)),
    { formatToParts: (n, x) => n.formatToParts(Number(x)) },
    { format: (n) => (x) => n.format(Number(x)) },
  );

  // Intl.DateTimeFormat
  const DT_FIELDS = [
    ['weekday', ['narrow', 'short', 'long']],
    ['era', ['narrow', 'short', 'long']],
    ['year', ['2-digit', 'numeric']],
    ['month', ['2-digit', 'numeric', 'narrow', 'short', 'long']],
    ['day', ['2-digit', 'numeric']],
    ['hour', ['2-digit', 'numeric']],
    ['minute', ['2-digit', 'numeric']],
    ['second', ['2-digit', 'numeric']],
  ];

  function dateOptions(options) {
    const o = optionsObject(options);
    const D = 'DateTimeFormat';
    const out = {};
    getString(D, o, 'localeMatcher', ['lookup', 'best fit']);
    getString(D, o, 'calendar');
    getString(D, o, 'numberingSystem');
    out.hour12 = getBoolean(o, 'hour12');
    out.hourCycle = getString(D, o, 'hourCycle', ['h11', 'h12', 'h23', 'h24']);
    if (o.timeZone !== undefined) out.timeZone = String(o.timeZone);
    for (const [name, allowed] of DT_FIELDS) {
      out[name] = getString(D, o, name, allowed);
      if (name === 'day') out.dayPeriod = getString(D, o, 'dayPeriod', ['narrow', 'short', 'long']);
      if (name === 'second') out.fractionalSecondDigits = getNumber(o, 'fractionalSecondDigits', 1, 3);
    }
    out.timeZoneName = getString(D, o, 'timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']);
    getString(D, o, 'formatMatcher', ['basic', 'best fit']);
    out.dateStyle = getString(D, o, 'dateStyle', ['full', 'long', 'medium', 'short']);
    out.timeStyle = getString(D, o, 'timeStyle', ['full', 'long', 'medium', 'short']);
    return out;
  }

  function timeValue(date) {
    const t = date === undefined ? Date.now() : Number(date);
    if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new RangeError('Invalid time value');
    return Math.trunc(t) + 0;
  }

  // formatRange's two dates: both required (TypeError), then each a
  // valid time value (RangeError), as V8 checks them.
  function rangeValues(start, end) {
    if (start === undefined || end === undefined) throw new TypeError('Invalid time value');
    return [timeValue(start), timeValue(end)];
  }

  function dateTimeFormat(locales, options, defaults) {
    return native.dateTimeFormat(localeList(locales), dateOptions(options), defaults);
  }

  const DateTimeFormat = makeConstructor(
    'DateTimeFormat',
    (locales, options) => dateTimeFormat(locales, options, 'any'),
    {
      formatToParts(n, date) {
        const parts = n.formatToParts(timeValue(date));
        if (parts === undefined) throw new RangeError('Invalid time value');
        return parts;
      },
      formatRange(n, start, end) {
        const [a, b] = rangeValues(start, end);
        const s = n.formatRange(a, b);
        if (s === undefined) throw new RangeError('Invalid time value');
        return s;
      },
      formatRangeToParts(n, start, end) {
        const [a, b] = rangeValues(start, end);
        const parts = n.formatRangeToParts(a, b);
        if (parts === undefined) throw new RangeError('Invalid time value');
        return parts;
      },
    },
    {
      format: (n) => (date) => {
        const s = n.format(timeValue(date));
        if (s === undefined) throw new RangeError('Invalid time value');
        return s;
      },
    },
  );

  // Intl.Collator
  function collatorOptions(options) {
    const o = optionsObject(options);
    const C = 'Collator';
    getString(C, o, 'usage', ['sort', 'search']);
    getString(C, o, 'localeMatcher', ['lookup', 'best fit']);
    getString(C, o, 'collation');
    return {
      numeric: getBoolean(o, 'numeric'),
      caseFirst: getString(C, o, 'caseFirst', ['upper', 'lower', 'false']),
      sensitivity: getString(C, o, 'sensitivity', ['base', 'accent', 'case', 'variant']),
      ignorePunctuation: getBoolean(o, 'ignorePunctuation'),
    };
  }

  const Collator = makeConstructor(
    'Collator',
    (locales, options) => native.collator(localeList(locales), collatorOptions(options)),
    {},
    { compare: (n) => (a, b) => n.compare(String(a), String(b)) },
  );

  // Intl.PluralRules
  const PluralRules = makeConstructor(
    'PluralRules',
    (locales, options) => {
      const o = optionsObject(options);
      const out = { type: getString('PluralRules', o, 'type', ['cardinal', 'ordinal']) };
      out.minimumIntegerDigits = getNumber(o, 'minimumIntegerDigits', 1, 21);
      for (const [name, lo, hi] of [
        ['minimumFractionDigits', 0, 100],
        ['maximumFractionDigits', 0, 100],
        ['minimumSignificantDigits', 1, 21],
        ['maximumSignificantDigits', 1, 21],
      ]) {
        out[name] = getNumber(o, name, lo, hi);
      }
      return native.pluralRules(localeList(locales), out);
    },
    { select: (n, x) => n.select(Number(x)) },
    {},
  );

  // Intl.RelativeTimeFormat
  const RelativeTimeFormat = makeConstructor(
    'RelativeTimeFormat',
    (locales, options) => {
      const o = optionsObject(options);
      const R = 'RelativeTimeFormat';
      getString(R, o, 'localeMatcher', ['lookup', 'best fit']);
      getString(R, o, 'numberingSystem');
      const out = {
        style: getString(R, o, 'style', ['long', 'short', 'narrow']),
        numeric: getString(R, o, 'numeric', ['always', 'auto']),
      };
      return native.relativeTimeFormat(localeList(locales), out);
    },
    { format: (n, value, unit) => n.format(Number(value), String(unit)) },
    {},
  );

  // Intl.ListFormat
  function stringList(list) {
    if (list === undefined) return [];
    const out = [];
    for (const item of list) {
      if (typeof item !== 'string') throw new TypeError(`Iterable yielded ${String(item)} which is not a string`);
      out.push(item);
    }
    return out;
  }

  const ListFormat = makeConstructor(
    'ListFormat',
    (locales, options) => {
      const o = optionsObject(options);
      const L = 'ListFormat';
      const tags = localeList(locales);
      getString(L, o, 'localeMatcher', ['lookup', 'best fit']);
      const out = {
        type: getString(L, o, 'type', ['conjunction', 'disjunction', 'unit']) || 'conjunction',
        style: getString(L, o, 'style', ['long', 'short', 'narrow']) || 'long',
      };
      return native.listFormat(tags, out);
    },
    {
      format: (n, list) => n.format(stringList(list)),
      formatToParts: (n, list) => n.formatToParts(stringList(list)),
    },
    {},
  );

  // Intl.DisplayNames
  const DisplayNames = makeConstructor(
    'DisplayNames',
    (locales, options) => {
      const tags = localeList(locales);
      if (options === undefined) throw new TypeError("Cannot convert undefined or null to object");
      const o = optionsObject(options);
      const N = 'DisplayNames';
      getString(N, o, 'localeMatcher', ['lookup', 'best fit']);
      const out = { style: getString(N, o, 'style', ['narrow', 'short', 'long']) || 'long' };
      out.type = getString(N, o, 'type', ['language', 'region', 'script', 'currency', 'calendar', 'dateTimeField']);
      if (out.type === undefined) throw new TypeError('Required option "type" is missing');
      out.fallback = getString(N, o, 'fallback', ['code', 'none']) || 'code';
      out.languageDisplay = getString(N, o, 'languageDisplay', ['dialect', 'standard']) || 'dialect';
      return native.displayNames(tags, out);
    },
    { of: (n, code) => n.of(String(code)) },
    {},
  );

  // Intl.Segmenter: segment() gives a Segments object (iterable, with
  // containing(index)) over boundaries computed once in native code.
  const segmentsProto = {};
  function segmentData(input, triple) {
    const d = { segment: input.slice(triple[0], triple[1]), index: triple[0], input };
    if (triple[2] !== undefined && triple[2] !== null) d.isWordLike = triple[2];
    return d;
  }
  define(segmentsProto, 'containing', function containing(index) {
    const s = segmentsState.get(this);
    if (!s) throw new TypeError('Method %Segments.prototype%.containing called on incompatible receiver');
    let n = Number(index);
    n = Number.isNaN(n) ? 0 : Math.trunc(n);
    if (n < 0 || n >= s.input.length) return undefined;
    const triple = s.bounds.find((b) => n >= b[0] && n < b[1]);
    return triple === undefined ? undefined : segmentData(s.input, triple);
  });
  define(segmentsProto, Symbol.iterator, function* segments() {
    const s = segmentsState.get(this);
    if (!s) throw new TypeError('Method %Segments.prototype%[@@iterator] called on incompatible receiver');
    for (const triple of s.bounds) yield segmentData(s.input, triple);
  });
  const segmentsState = new WeakMap();

  const Segmenter = makeConstructor(
    'Segmenter',
    (locales, options) => {
      const tags = localeList(locales);
      const o = optionsObject(options);
      const S = 'Segmenter';
      getString(S, o, 'localeMatcher', ['lookup', 'best fit']);
      const granularity = getString(S, o, 'granularity', ['grapheme', 'word', 'sentence']) || 'grapheme';
      return native.segmenter(tags, { granularity });
    },
    {
      segment(n, input) {
        const text = String(input);
        const segments = Object.create(segmentsProto);
        segmentsState.set(segments, { input: text, bounds: n.segment(text) });
        return segments;
      },
    },
    {},
  );

  const Intl = {};
  define(Intl, 'NumberFormat', NumberFormat);
  define(Intl, 'DateTimeFormat', DateTimeFormat);
  define(Intl, 'Collator', Collator);
  define(Intl, 'PluralRules', PluralRules);
  define(Intl, 'RelativeTimeFormat', RelativeTimeFormat);
  define(Intl, 'ListFormat', ListFormat);
  define(Intl, 'DisplayNames', DisplayNames);
  define(Intl, 'Segmenter', Segmenter);
  define(Intl, 'getCanonicalLocales', function getCanonicalLocales(locales) {
    return localeList(locales);
  });
  Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
  define(global, 'Intl', Intl);

  // The built-in methods ECMA-402 redefines. Calls without arguments (the
  // common case in page code) share one formatter per kind.
  const shared = Object.create(null);
  function cached(key, locales, options, make) {
    if (locales !== undefined || options !== undefined) return make();
    if (!shared[key]) shared[key] = make();
    return shared[key];
  }

  const numberValue = Number.prototype.valueOf;
  define(Number.prototype, 'toLocaleString', function toLocaleString(locales, options) {
    const x = numberValue.call(this);
    return cached('number', locales, options, () => native.numberFormat(localeList(locales), numberOptions(options))).format(x);
  });

  const dateValue = Date.prototype.valueOf;
  for (const [name, defaults] of [
    ['toLocaleString', 'all'],
    ['toLocaleDateString', 'date'],
    ['toLocaleTimeString', 'time'],
  ]) {
    define(Date.prototype, name, {
      [name](locales, options) {
        const t = dateValue.call(this);
        if (Number.isNaN(t)) return 'Invalid Date';
        const n = cached(name, locales, options, () => dateTimeFormat(locales, options, defaults));
        return n.format(t);
      },
    }[name]);
  }

  define(String.prototype, 'localeCompare', function localeCompare(that, locales, options) {
    if (this === undefined || this === null) throw new TypeError('String.prototype.localeCompare called on null or undefined');
    const c = cached('collator', locales, options, () => native.collator(localeList(locales), collatorOptions(options)));
    return c.compare(String(this), String(that));
  });

  define(String.prototype, 'toLocaleUpperCase', function toLocaleUpperCase(locales) {
    if (this === undefined || this === null) throw new TypeError('String.prototype.toLocaleUpperCase called on null or undefined');
    return native.upper(String(this), localeList(locales));
  });

  define(String.prototype, 'toLocaleLowerCase', function toLocaleLowerCase(locales) {
    if (this === undefined || this === null) throw new TypeError('String.prototype.toLocaleLowerCase called on null or undefined');
    return native.lower(String(this), localeList(locales));
  });
});
