// Stands in for the 'server-only' marker package under jest, where every module is "server".
module.exports = {};
