// The invitation page, run headlessly as WeChat runs it: the tap saves
// the poster, and the poster must still look like the approved one in
// __posters__/ (`npx jest -u` approves a change).
const path = require('node:path');
const { run } = require('mpcanvas');

const page = path.join(__dirname, '..', 'miniprogram', 'pages', 'invite');

test('the invitation for a guest is saved to the album', async () => {
  const poster = await run(page, {
    query: { guest: '小明' },
    taps: ['save'],
    // A fixed clock and random seed: the same poster on every run.
    now: '2026-05-20T10:00:00+08:00',
    seed: 1,
  });
  expect(poster.ok).toBe(true);
  const prompts = poster.report.events.filter((e) => e.event === 'prompt');
  expect(prompts.map((e) => e.scope)).toEqual(['scope.writePhotosAlbum']);
  expect(poster.images).toHaveLength(1);
  expect(poster).toMatchPosterSnapshot();
});
