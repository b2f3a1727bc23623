export default { test: { setupFiles: ['mpcanvas/vitest'] } };
