'use strict';
// Jest: `setupFilesAfterEnv: ['mpcanvas/jest']` adds the matcher.
const { toMatchPosterSnapshot } = require('./matchers.js');

expect.extend({ toMatchPosterSnapshot });
