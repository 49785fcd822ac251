module.exports = async function globalTeardown() {
  await globalThis.__HEARTH_SERVER__?.stop();
};
