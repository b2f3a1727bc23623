// Locale-sensitive calls whose output must match Node (V8 with full ICU)
// in the same locale and time zone. The completion value is the list of
// [call, result] pairs; errors count as results.
(function () {
  const out = [];
  const t = (label, f) => {
    let v;
    try {
      v = f();
    } catch (e) {
      v = `${e.name}: ${e.message}`;
    }
    out.push([label, typeof v === 'string' ? v : JSON.stringify(v)]);
  };
  const locales = ['zh-CN', 'zh-TW', 'en-US'];
  const numbers = [0, 1, -1, 1299.5, 1234567.891, 0.000123, 12345678, -0.5, 1e21, NaN, Infinity];
  // 2026-12-07T02:00:00.123Z (10:00 in Shanghai) and a summer afternoon.
  const dates = [Date.UTC(2026, 11, 7, 2, 0, 0, 123), Date.UTC(2025, 6, 15, 7, 5, 9)];

  t('default toLocaleString', () => (1299.5).toLocaleString());
  t('default date', () => new Date(dates[0]).toLocaleString());
  t('default date only', () => new Date(dates[0]).toLocaleDateString());
  t('default time only', () => new Date(dates[0]).toLocaleTimeString());
  t('default Intl locale', () => new Intl.NumberFormat().resolvedOptions().locale);

  for (const l of locales) {
    for (const x of numbers) t(`${l} decimal ${x}`, () => x.toLocaleString(l));
    const opts = [
      { style: 'currency', currency: 'CNY' },
      { style: 'currency', currency: 'USD' },
      { style: 'currency', currency: 'TWD' },
      { style: 'currency', currency: 'JPY' },
      { style: 'currency', currency: 'CNY', currencyDisplay: 'code' },
      { style: 'currency', currency: 'CNY', currencyDisplay: 'name' },
      { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' },
      { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 },
      { style: 'percent' },
      { style: 'percent', minimumFractionDigits: 1 },
      { notation: 'compact' },
      { notation: 'compact', compactDisplay: 'long' },
      { minimumFractionDigits: 2 },
      { maximumFractionDigits: 0 },
      { minimumFractionDigits: 2, maximumFractionDigits: 2 },
      { maximumSignificantDigits: 3 },
      { minimumIntegerDigits: 3 },
      { useGrouping: false },
    ];
    for (const o of opts) {
      for (const x of [1299.5, 0.256, 12345678, -1234.5, 7]) {
        t(`${l} ${JSON.stringify(o)} ${x}`, () => new Intl.NumberFormat(l, o).format(x));
      }
    }
    for (const d of dates) {
      t(`${l} toLocaleString ${d}`, () => new Date(d).toLocaleString(l));
      t(`${l} toLocaleDateString ${d}`, () => new Date(d).toLocaleDateString(l));
      t(`${l} toLocaleTimeString ${d}`, () => new Date(d).toLocaleTimeString(l));
      const dopts = [
        { year: 'numeric', month: 'long', day: 'numeric' },
        { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' },
        { weekday: 'long' },
        { month: 'long' },
        { year: 'numeric', month: '2-digit', day: '2-digit' },
        { hour: '2-digit', minute: '2-digit' },
        { hour: 'numeric', minute: '2-digit', hour12: true },
        { hour: 'numeric', minute: '2-digit', hour12: false },
        { dateStyle: 'full' },
        { dateStyle: 'long' },
        { dateStyle: 'medium' },
        { dateStyle: 'short' },
        { timeStyle: 'short' },
        { timeStyle: 'medium' },
        { dateStyle: 'medium', timeStyle: 'short' },
        { timeZone: 'UTC' },
        { timeZone: 'America/New_York', hour: 'numeric', minute: 'numeric' },
      ];
      for (const o of dopts) {
        t(`${l} ${JSON.stringify(o)} ${d}`, () => new Intl.DateTimeFormat(l, o).format(d));
      }
      t(`${l} formatToParts ${d}`, () => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(d));
    }
    const words = ['中国', '北京', '上海', '阿里', 'apple', 'Banana', 'banana', 'item10', 'item9', 'é', 'e', '张三', '李四', '王五'];
    t(`${l} sort`, () => words.slice().sort(new Intl.Collator(l).compare));
    t(`${l} sort numeric`, () => words.slice().sort(new Intl.Collator(l, { numeric: true }).compare));
    t(`${l} localeCompare base`, () => ['a', 'A', 'á', 'b'].map((w) => 'a'.localeCompare(w, l, { sensitivity: 'base' })));
    t(`${l} localeCompare`, () => ['a', 'A', 'á', 'b'].map((w) => 'a'.localeCompare(w, l)));
    for (const x of [0, 1, 2, 3, 4, 11, 21, 1.5]) {
      t(`${l} plural ${x}`, () => new Intl.PluralRules(l).select(x));
      t(`${l} ordinal ${x}`, () => new Intl.PluralRules(l, { type: 'ordinal' }).select(x));
    }
    for (const [v, u] of [[-1, 'day'], [1, 'day'], [0, 'day'], [3, 'hours'], [-2, 'month'], [1, 'year'], [-5, 'minutes'], [2, 'week']]) {
      t(`${l} rtf ${v} ${u}`, () => new Intl.RelativeTimeFormat(l).format(v, u));
      t(`${l} rtf auto ${v} ${u}`, () => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }).format(v, u));
      t(`${l} rtf short ${v} ${u}`, () => new Intl.RelativeTimeFormat(l, { style: 'short' }).format(v, u));
    }
    for (const signDisplay of ['always', 'exceptZero', 'never', 'negative']) {
      for (const o of [{}, { style: 'percent' }, { style: 'currency', currency: 'CNY' }, { notation: 'compact' }, { maximumFractionDigits: 0 }]) {
        const opts = Object.assign({ signDisplay }, o);
        for (const x of [-1299.5, 0, -0, 0.256, 12345678, -0.001, Infinity, NaN]) {
          t(`${l} ${JSON.stringify(opts)} ${x}`, () => new Intl.NumberFormat(l, opts).format(x));
        }
      }
    }
    for (const d of dates) {
      for (const timeZoneName of ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']) {
        for (const timeZone of [undefined, 'America/New_York', 'UTC', 'Asia/Taipei']) {
          const o = { hour: 'numeric', minute: 'numeric', timeZoneName, timeZone };
          t(`${l} ${JSON.stringify(o)} ${d}`, () => new Intl.DateTimeFormat(l, o).format(d));
        }
      }
      t(`${l} timeZoneName alone ${d}`, () => new Intl.DateTimeFormat(l, { timeZoneName: 'long' }).format(d));
      t(`${l} timeZoneName parts ${d}`, () => new Intl.DateTimeFormat(l, { hour: 'numeric', timeZoneName: 'short' }).formatToParts(d));
      for (const dayPeriod of ['narrow', 'short', 'long']) {
        t(`${l} dayPeriod ${dayPeriod} ${d}`, () => new Intl.DateTimeFormat(l, { hour: 'numeric', dayPeriod }).format(d));
        t(`${l} dayPeriod ${dayPeriod} h12 ${d}`, () => new Intl.DateTimeFormat(l, { hour: 'numeric', minute: 'numeric', dayPeriod, hour12: true }).format(d));
      }
      for (const fractionalSecondDigits of [1, 2, 3]) {
        t(`${l} fsd ${fractionalSecondDigits} ${d}`, () => new Intl.DateTimeFormat(l, { minute: 'numeric', second: 'numeric', fractionalSecondDigits }).format(d));
      }
      t(`${l} fsd hms ${d}`, () => new Intl.DateTimeFormat(l, { hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: 3, hour12: false }).format(d));
    }
    const fruits = [['苹果', '香蕉', '橙子'], ['apple', 'pear'], ['one'], [], ['a', 'b', 'c', 'd']];
    for (const type of ['conjunction', 'disjunction', 'unit']) {
      for (const style of ['long', 'short', 'narrow']) {
        for (const list of fruits) {
          t(`${l} list ${type} ${style} ${list.length}`, () => new Intl.ListFormat(l, { type, style }).format(list));
        }
      }
    }
    t(`${l} list parts`, () => new Intl.ListFormat(l).formatToParts(['x', 'y', 'z']));
    t(`${l} list resolved`, () => new Intl.ListFormat(l, { type: 'unit' }).resolvedOptions());
    for (const code of ['CN', 'TW', 'HK', 'US', 'JP', 'GB', '419']) {
      t(`${l} region ${code}`, () => new Intl.DisplayNames(l, { type: 'region' }).of(code));
    }
    for (const code of ['zh', 'en', 'fr', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'en-US', 'en-GB', 'zh-TW']) {
      t(`${l} language ${code}`, () => new Intl.DisplayNames(l, { type: 'language' }).of(code));
    }
    for (const code of ['Hans', 'Hant', 'Latn', 'Cyrl']) {
      t(`${l} script ${code}`, () => new Intl.DisplayNames(l, { type: 'script' }).of(code));
    }
    t(`${l} region unknown`, () => [new Intl.DisplayNames(l, { type: 'region' }).of('QZ'), new Intl.DisplayNames(l, { type: 'region', fallback: 'none' }).of('QZ')]);
    const text = '我爱北京天安门。Hello, world! 价格¥12.50，限时3天。👨‍👩‍👧 é';
    for (const granularity of ['grapheme', 'word', 'sentence']) {
      t(`${l} segment ${granularity}`, () => Array.from(new Intl.Segmenter(l, { granularity }).segment(text)).map((s) => [s.segment, s.index, s.isWordLike]));
    }
    t(`${l} segment containing`, () => { const s = new Intl.Segmenter(l, { granularity: 'word' }).segment(text); return [s.containing(3), s.containing(-1), s.containing(999)]; });
    // style: 'unit' (the units ICU4X names), scientific and engineering
    // notation, formatToParts and the resolved options.
    const units = ['kilometer', 'meter', 'centimeter', 'mile', 'kilogram', 'gram', 'pound', 'liter', 'milliliter', 'hectare', 'acre', 'hour', 'minute', 'second', 'day', 'week', 'month', 'year', 'millisecond'];
    for (const unit of units) {
      for (const unitDisplay of ['short', 'long', 'narrow']) {
        for (const x of [1, 2, 1234.5, -0.5]) {
          t(`${l} unit ${unit} ${unitDisplay} ${x}`, () => new Intl.NumberFormat(l, { style: 'unit', unit, unitDisplay }).format(x));
        }
      }
    }
    t(`${l} unit toLocaleString`, () => (5).toLocaleString(l, { style: 'unit', unit: 'kilogram', unitDisplay: 'long' }));
    for (const notation of ['scientific', 'engineering']) {
      for (const x of [0, 1, -1, 123456, 1234567.891, 0.000123456, -0.5, 9.9996, 999.9996, 1e21, NaN, -Infinity]) {
        t(`${l} ${notation} ${x}`, () => new Intl.NumberFormat(l, { notation }).format(x));
        t(`${l} ${notation} parts ${x}`, () => new Intl.NumberFormat(l, { notation }).formatToParts(x));
      }
      t(`${l} ${notation} digits`, () => new Intl.NumberFormat(l, { notation, maximumSignificantDigits: 2 }).format(98765));
      t(`${l} ${notation} sign`, () => new Intl.NumberFormat(l, { notation, signDisplay: 'always' }).format(12));
    }
    const partOptions = [
      {},
      { style: 'percent' },
      { style: 'currency', currency: 'CNY' },
      { style: 'currency', currency: 'USD', currencyDisplay: 'code' },
      { style: 'currency', currency: 'CNY', currencyDisplay: 'name' },
      { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 },
      { notation: 'compact' },
      { notation: 'compact', compactDisplay: 'long' },
      { style: 'unit', unit: 'kilometer' },
      { style: 'unit', unit: 'hour', unitDisplay: 'long' },
      { signDisplay: 'always' },
    ];
    for (const o of partOptions) {
      for (const x of [1299.5, -1234567.891, 0, NaN, -Infinity]) {
        t(`${l} parts ${JSON.stringify(o)} ${x}`, () => new Intl.NumberFormat(l, o).formatToParts(x));
      }
      t(`${l} number resolved ${JSON.stringify(o)}`, () => new Intl.NumberFormat(l, o).resolvedOptions());
    }
    for (const o of [{ maximumSignificantDigits: 3 }, { useGrouping: false }, { notation: 'scientific' }, { minimumIntegerDigits: 2, minimumFractionDigits: 1 }]) {
      t(`${l} number resolved ${JSON.stringify(o)}`, () => new Intl.NumberFormat(l, o).resolvedOptions());
    }
    // DateTimeFormat: ranges and resolved field options.
    const rangeOptions = [
      {},
      { year: 'numeric', month: 'long', day: 'numeric' },
      { month: 'short', day: 'numeric' },
      { hour: 'numeric', minute: 'numeric' },
      { dateStyle: 'medium' },
      { dateStyle: 'long', timeStyle: 'short' },
    ];
    const hour = 3600000;
    const day = 24 * hour;
    for (const o of rangeOptions) {
      for (const span of [0, 2 * hour, 2 * day, 40 * day, 400 * day]) {
        t(`${l} range ${JSON.stringify(o)} +${span}`, () => new Intl.DateTimeFormat(l, o).formatRange(dates[0], dates[0] + span));
      }
      t(`${l} range parts ${JSON.stringify(o)}`, () => new Intl.DateTimeFormat(l, o).formatRangeToParts(dates[0], dates[0] + 2 * day));
    }
    t(`${l} range invalid`, () => new Intl.DateTimeFormat(l).formatRange(dates[0], NaN));
    t(`${l} range missing`, () => new Intl.DateTimeFormat(l).formatRange(dates[0]));
    const resolvedDateOptions = [
      {},
      { hour: 'numeric', minute: 'numeric' },
      { weekday: 'short', month: 'long', day: 'numeric' },
      { year: '2-digit', month: '2-digit', day: '2-digit' },
      { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 2, hour12: false },
      { hour: 'numeric', hour12: true },
      { era: 'long', year: 'numeric' },
      { month: 'narrow' },
      { dateStyle: 'full', timeStyle: 'short' },
      { timeStyle: 'medium' },
      { timeZone: 'UTC', timeZoneName: 'short', hour: 'numeric' },
    ];
    for (const o of resolvedDateOptions) {
      t(`${l} date resolved ${JSON.stringify(o)}`, () => new Intl.DateTimeFormat(l, o).resolvedOptions());
    }
    for (const code of ['CNY', 'USD', 'TWD', 'HKD', 'JPY', 'EUR', 'usd', 'XYZ']) {
      t(`${l} currency ${code}`, () => new Intl.DisplayNames(l, { type: 'currency' }).of(code));
    }
    t(`${l} currency malformed`, () => new Intl.DisplayNames(l, { type: 'currency' }).of('US'));
    t(`${l} display resolved`, () => new Intl.DisplayNames(l, { type: 'currency' }).resolvedOptions());
    t(`${l} upper`, () => 'straße istanbul'.toLocaleUpperCase(l));
    t(`${l} lower`, () => 'ÀÉÎ İ'.toLocaleLowerCase(l));
  }
  // Date in the device zone (Asia/Shanghai on both sides).
  t('local ctor', () => new Date(2026, 11, 7, 10, 30).toISOString());
  t('local ctor overflow', () => new Date(2026, 12, 32, 25).toISOString());
  t('local getters', () => { const d = new Date(dates[0]); return [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getTimezoneOffset()]; });
  t('local setters', () => { const d = new Date(dates[0]); d.setHours(23, 59); d.setDate(31); d.setMonth(1); return d.toISOString(); });
  t('parse local iso', () => Date.parse('2026-12-07T10:00:00'));
  t('parse date only', () => Date.parse('2026-12-07'));
  t('parse slashes', () => Date.parse('2026/12/07 10:00'));
  t('parse zoned', () => Date.parse('2026-12-07T10:00:00+09:00'));
  t('toDateString', () => new Date(dates[1]).toDateString());
  t('toString', () => [new Date(dates[0]).toString(), new Date(dates[1]).toTimeString(), String(new Date(dates[0])), new Date(NaN).toString()]);
  t('old offset', () => new Date(1900, 0, 1).getTimezoneOffset());
  t('tr upper', () => 'istanbul'.toLocaleUpperCase('tr'));
  t('canonical', () => Intl.getCanonicalLocales(['ZH-cn', 'en-us']));
  t('bad tag', () => new Intl.NumberFormat('not a locale!'));
  t('bad currency', () => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'US' }));
  t('missing currency', () => new Intl.NumberFormat('en-US', { style: 'currency' }));
  t('bad digits', () => new Intl.NumberFormat('en-US', { maximumFractionDigits: 101 }));
  t('bad unit', () => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'furlong' }));
  t('missing unit', () => new Intl.NumberFormat('en-US', { style: 'unit' }));
  t('bad unitDisplay', () => new Intl.NumberFormat('en-US', { style: 'unit', unit: 'meter', unitDisplay: 'wide' }));
  t('invalid date', () => new Date(NaN).toLocaleString('en-US'));
  t('format invalid date', () => new Intl.DateTimeFormat('en-US').format(NaN));
  return out;
})();
