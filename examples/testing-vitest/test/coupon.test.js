// The coupon drawing must still look like the approved one in
// __posters__/ (`npx vitest run -u` approves a change).
import path from 'node:path';
import { expect, test } from 'vitest';
import { render } from 'mpcanvas';

const script = path.join(import.meta.dirname, '..', 'src', 'coupon.js');

test('the coupon', async () => {
  // A fixed clock: the expiry date is part of the poster.
  // Bundled fonts only: the same text on every machine.
  const coupon = await render(script, { now: '2026-05-20T10:00:00+08:00', systemFonts: false });
  expect(coupon).toMatchPosterSnapshot();
});
