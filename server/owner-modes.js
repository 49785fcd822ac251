// @ts-check
/**
 * The owner-only modes for data at rest (why: db/file-modes.ts), in plain JS so the production server,
 * which runs with no build step, writes the files it creates (the generated auth secret) with the same ones.
 */
module.exports = { OWNER_DIR_MODE: 0o700, OWNER_FILE_MODE: 0o600 };
