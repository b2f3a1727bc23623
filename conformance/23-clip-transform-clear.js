// @size 240x180
// @fuzzy maxDifference=0-128;totalPixels=0-900
// A clip built under a transform stays put in device space when the transform changes afterwards;
// clearRect, strokes, drawImage of a canvas and a later clip() are all limited by the clip; restore
// brings back the pixels' full area. Transparent (cleared) regions test alpha at clip edges.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#246';
  ctx.fillRect(0, 0, 240, 180);
  // rotated-ellipse clip made under a transform
  ctx.save();
  ctx.translate(60, 60);
  ctx.rotate(-Math.PI / 6);
  ctx.scale(1, 0.5);
  ctx.beginPath(); ctx.arc(0, 0, 50, 0, Math.PI * 2);
  ctx.resetTransform();                       // the path already has device coordinates
  ctx.clip();                                 // clip region: the rotated ellipse
  ctx.fillStyle = '#fd6';
  ctx.fillRect(0, 0, 240, 180);               // fills only the ellipse
  ctx.rotate(0.3);                            // later transforms do not move the clip
  ctx.fillStyle = '#c30';
  ctx.fillRect(40, 20, 20, 60);
  ctx.restore();
  // clearRect limited by a circular clip: a round transparent hole
  ctx.save();
  ctx.beginPath(); ctx.arc(170, 50, 35, 0, Math.PI * 2); ctx.clip();
  ctx.clearRect(120, 0, 120, 120);
  ctx.strokeStyle = '#0f0';                   // a stroke crossing the clip edge is cut
  ctx.lineWidth = 6;
  ctx.beginPath(); ctx.moveTo(120, 10); ctx.lineTo(230, 90); ctx.stroke();
  ctx.restore();
  // drawImage of a secondary canvas under a clip made with a scaled rect
  const src = env.createCanvas(60, 60);
  const s = src.getContext('2d');
  for (let i = 0; i < 6; i++) { s.fillStyle = `hsl(${i * 60}, 90%, 55%)`; s.fillRect(i * 10, 0, 10, 60); }
  ctx.save();
  ctx.scale(2, 1);
  ctx.beginPath(); ctx.rect(10, 120, 20, 50); ctx.clip();   // device rect x 20..60
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(src, 10, 115);                              // 60 wide, only x 20..60 visible
  ctx.restore();
  // clip under a rotation then a second (intersecting) clip under another transform
  ctx.save();
  ctx.translate(170, 140);
  ctx.rotate(Math.PI / 4);
  ctx.beginPath(); ctx.rect(-28, -28, 56, 56); ctx.clip();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.beginPath(); ctx.arc(195, 140, 30, 0, Math.PI * 2); ctx.clip();
  ctx.clearRect(100, 90, 140, 90);                          // cleared: transparent lens
  ctx.fillStyle = 'rgba(255, 255, 255, 0.5)';
  ctx.fillRect(100, 130, 140, 20);                          // translucent band only inside both
  ctx.restore();
  ctx.fillStyle = '#9cf';
  ctx.fillRect(90, 172, 150, 8);                            // unclipped after restore
}
