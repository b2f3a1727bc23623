import { colord, extend } from 'colord';
import mixPlugin from 'colord/plugins/mix';

extend([mixPlugin]);

/** The poster's colours, derived from one brand colour. */
export interface Theme {
  background: string;
  band: string;
  accent: string;
  text: string;
}

const brand = colord('#c8102e');

export const theme: Theme = {
  background: brand.mix('#ffffff', 0.9).toHex(),
  band: brand.toHex(),
  accent: brand.darken(0.2).toHex(),
  text: brand.isDark() ? '#ffffff' : '#000000',
};
