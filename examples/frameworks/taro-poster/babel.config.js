// Taro's own preset: JSX for React, the targets from browserslist.
module.exports = {
  presets: [['taro', { framework: 'react', ts: false, compiler: 'webpack5' }]],
};
