// The `process` module as the yaml package sees it inside the bundles (see scripts/bundle.js).
// yaml reads two debugging switches from the environment, LOG_TOKENS once per token and
// LOG_STREAM once per document; every read of `process.env` is a call into the C++ environment,
// which made up about a third of a parse. Here the switches are read once, at load; the only
// other thing yaml takes from `process` is emitWarning.
const real = require('node:process');

module.exports = {
  env: { LOG_TOKENS: real.env.LOG_TOKENS, LOG_STREAM: real.env.LOG_STREAM },
  emitWarning: (...args) => real.emitWarning(...args),
};
