// The poster's drawing, in CSS pixels: a gradient background, a white card
// with a red price tag and a title. crates/cli/tests/frameworks.rs checks
// these colours at these places. The one copy for every example here:
// tools/frameworks/build.sh puts it at src/draw.js of each build.
export const POSTER_WIDTH = 300;
export const POSTER_HEIGHT = 400;

export function drawPoster(ctx, title) {
  const bg = ctx.createLinearGradient(0, 0, 0, POSTER_HEIGHT);
  bg.addColorStop(0, '#1e3c72');
  bg.addColorStop(1, '#2a5298');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);

  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.roundRect(24, 110, POSTER_WIDTH - 48, 250, 16);
  ctx.fill();

  ctx.fillStyle = '#e74c3c';
  ctx.fillRect(POSTER_WIDTH / 2 - 50, 300, 100, 32);

  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 24px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(title, POSTER_WIDTH / 2, 64);
}
