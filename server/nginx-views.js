// @ts-check
/**
 * Views nginx answered from its micro-cache (those requests never reach this process): nginx writes one
 * line per such view into a log file of its own (deploy/nginx/hearth.conf, `access_log … hearth_views
 * buffer=32k flush=1s`), holding only the referring site's host (or "-"), the site's host (so that a reader
 * moving between its pages is no referral) and the path, and only for requests its maps found to be a
 * reader's view (a browser, no Do Not Track / Global Privacy Control, no prefetch). This reads the lines
 * nginx added, once a second, and hands each to the view counter, which applies the same reader-path and
 * referrer rules as for the views this process serves itself.
 *
 * Why a file: nginx writes it 32 kB at a time and this process reads a second's lines in one go, so a view
 * costs both next to nothing (one syslog datagram per view over UDP, measured first, cost each a system call
 * and an event: the app's CPU per view behind nginx rose from 0.007 ms to 0.093 ms, against 0.016-0.031 ms
 * with this file, on the shared benchmark machine). Where it stopped reading (the file's inode and offset) is kept
 * in `<data folder>/nginx-views.json`, so a restart neither skips nor recounts lines; a rotated file (a new
 * inode: the old one is read to its end, once more a second later for nginx's last buffer, then closed)
 * and a truncated one (shorter than the offset) start over at its beginning. Failure mode: lines written while this process is down and rotated away twice before it
 * returns are lost, as is the second or two of counts not yet stored when it crashes.
 */
const fs = require('node:fs');

/** @typedef {{ fd: number; ino: number; offset: number; partial: string }} OpenFile an open log file, its inode, how far it was read, and its last line nginx has not finished yet */
/** @typedef {{ ino: number; offset: number }} ReadState where reading stopped, kept across restarts */

/** Whether `error` is Node's "no such file". @param {unknown} error */
const isMissing = (error) => typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';

const MAX_LINE_BYTES = 1024;
/** Read at most this much per file per tick: a huge backlog is caught up over a few seconds. */
const MAX_READ_BYTES = 4 * 1024 * 1024;

/**
 * One line of the hearth_views log: "forum.example.org blog.example.org /posts/x" ("-" for no referrer);
 * null for anything else.
 * @param {string} line @returns {{ referrer: string; siteHost: string; path: string } | null}
 */
function parseViewLine(line) {
  if (line.length > MAX_LINE_BYTES) return null;
  const [referrer, siteHost, path, ...rest] = line.split(' ');
  if (!path || rest.length > 0) return null;
  return { referrer: referrer === '-' ? '' : referrer, siteHost, path };
}

/**
 * Follows `logFile` from where it stopped (per `stateFile`) and counts each complete line into `counter`.
 * @param {{ logFile: string; stateFile: string; counter: { add(path: string, referrer: string, requestHost?: string): void }; onError: (error: unknown) => void; intervalMs?: number }} options
 */
function followNginxViews({ logFile, stateFile, counter, onError, intervalMs = 1000 }) {
  /** The open file. @type {OpenFile | null} */
  let current = null;
  /** A rotated file, read once more on the next tick (nginx writes its last buffer there when it reopens). @type {OpenFile | null} */
  let retired = null;
  /** Where the previous run stopped: used for the first file opened only. */
  let resume = readState(stateFile, onError);
  let lastWritten = '';

  /** @returns {OpenFile | null} */
  function open() {
    let fd;
    try {
      fd = fs.openSync(logFile, 'r');
    } catch (error) {
      if (isMissing(error)) return null; // nginx has not written a view yet
      throw error;
    }
    const { ino, size } = fs.fstatSync(fd);
    // The file last read, not truncated since: on from there; any other file: from its beginning.
    const offset = resume && resume.ino === ino && resume.offset <= size ? resume.offset : 0;
    resume = null;
    return { fd, ino, offset, partial: '' };
  }

  /** Reads what was added to the open file and counts its complete lines. @param {OpenFile} file */
  function drain(file) {
    const size = fs.fstatSync(file.fd).size;
    if (size < file.offset) {
      file.offset = 0; // truncated in place (copytruncate)
      file.partial = '';
    }
    const length = Math.min(size - file.offset, MAX_READ_BYTES);
    if (length <= 0) return;
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(file.fd, buffer, 0, length, file.offset);
    file.offset += read;
    const lines = (file.partial + buffer.toString('latin1', 0, read)).split('\n');
    file.partial = lines.pop() ?? '';
    if (file.partial.length > MAX_LINE_BYTES) file.partial = '';
    for (const line of lines) {
      const view = parseViewLine(line);
      if (view) counter.add(view.path, view.referrer, view.siteHost);
    }
  }

  function tick() {
    try {
      if (retired) {
        drain(retired);
        fs.closeSync(retired.fd);
        retired = null;
      }
      current ??= open();
      if (!current) return;
      drain(current);
      if (inodeOf(logFile) !== current.ino) {
        // Rotated: the name now holds a new file (or none yet), read from its beginning.
        retired = current;
        current = open();
        if (current) drain(current);
      }
      if (current) saveState({ ino: current.ino, offset: current.offset - Buffer.byteLength(current.partial, 'latin1') });
    } catch (error) {
      onError(error);
    }
  }

  /** @param {ReadState} state */
  function saveState(state) {
    const text = JSON.stringify(state);
    if (text === lastWritten) return;
    fs.writeFileSync(`${stateFile}.tmp`, text);
    fs.renameSync(`${stateFile}.tmp`, stateFile);
    lastWritten = text;
  }

  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    /** Reads now (tests; the timer does it every interval). */
    readNow: tick,
    stop() {
      clearInterval(timer);
      for (const file of [retired, current]) if (file) fs.closeSync(file.fd);
      retired = current = null;
    },
  };
}

/** The inode the name holds now; null when there is no file by that name (between rotation and reopening). @param {string} file */
function inodeOf(file) {
  try {
    return fs.statSync(file).ino;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Where the previous run stopped; null when none was saved (or it cannot be read: reported, then the file is read from its beginning).
 * @param {string} stateFile @param {(error: unknown) => void} onError @returns {ReadState | null}
 */
function readState(stateFile, onError) {
  let text;
  try {
    text = fs.readFileSync(stateFile, 'utf8');
  } catch (error) {
    if (!isMissing(error)) onError(error);
    return null;
  }
  try {
    const state = JSON.parse(text);
    return Number.isSafeInteger(state?.ino) && Number.isSafeInteger(state?.offset) ? state : null;
  } catch (error) {
    onError(error);
    return null;
  }
}

module.exports = { followNginxViews, parseViewLine };
