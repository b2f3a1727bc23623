import type { Theme } from './theme';

export interface Card {
  title: string;
  price: number;
}

export enum Size {
  Width = 300,
  Height = 200,
}

/** Draws a product card in CSS px on a context already scaled by the dpr. */
export default function drawCard(ctx: any, card: Card, theme: Theme): void {
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, Size.Width, Size.Height);
  ctx.fillStyle = theme.band;
  ctx.fillRect(0, 0, Size.Width, 60);
  ctx.fillStyle = theme.text;
  ctx.font = 'bold 24px sans-serif';
  ctx.fillText(card.title, 16, 40);
  ctx.fillStyle = theme.accent;
  ctx.beginPath();
  ctx.arc(Size.Width - 50, 130, 40, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#000000';
  ctx.font = '20px sans-serif';
  ctx.fillText(`¥${card.price.toFixed(2)}`, 16, 140);
}
