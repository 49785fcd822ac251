/** @jest-environment node */
/**
 * Following nginx's views log on real files: new lines are counted once, a line nginx has not finished
 * waits for its end, a restart resumes where the last run stopped, and rotation (with nginx's last buffer
 * written to the old file) and truncation neither lose nor repeat a line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { followNginxViews } from '../../../server/nginx-views';

describe('following nginx’s views log', () => {
  let dir: string;
  let logFile: string;
  let stateFile: string;
  let counted: string[];
  let errors: unknown[];
  const counter = { add: (viewPath: string, referrer: string, siteHost?: string) => counted.push(`${referrer}|${siteHost}|${viewPath}`) };
  const follow = () => followNginxViews({ logFile, stateFile, counter, onError: (error) => errors.push(error), intervalMs: 60_000 });
  const append = (text: string, file = logFile) => fs.appendFileSync(file, text);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-nginx-views-'));
    logFile = path.join(dir, 'hearth-views.log');
    stateFile = path.join(dir, 'nginx-views.json');
    counted = [];
    errors = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts each new line once, waits for an unfinished one, and skips what is not a view line', () => {
    const follower = follow();
    follower.readNow(); // no file yet
    append('forum.example.org blog.example.org /posts/a\n- blog.example.org /posts/b\nnot a view line at all here\n- blog.exa');
    follower.readNow();
    expect(counted).toEqual(['forum.example.org|blog.example.org|/posts/a', '|blog.example.org|/posts/b']);
    follower.readNow();
    expect(counted).toHaveLength(2);
    append('mple.org /posts/c\n');
    follower.readNow();
    expect(counted.at(-1)).toBe('|blog.example.org|/posts/c');
    expect(counted).toHaveLength(3);
    follower.stop();
    expect(errors).toEqual([]);
  });

  it('resumes where the previous run stopped, without counting a line twice', () => {
    append('- blog.example.org /posts/a\n- blog.example.org /posts/b\n- blog.example.org /pos');
    const first = follow();
    first.readNow();
    first.stop();
    append('ts/c\n- blog.example.org /posts/d\n');
    const second = follow();
    second.readNow();
    second.stop();
    expect(counted.map((line) => line.split('|')[2])).toEqual(['/posts/a', '/posts/b', '/posts/c', '/posts/d']);
  });

  it('follows a rotated file: the old one to its end (nginx’s last buffer too), then the new one from its start', () => {
    const follower = follow();
    append('- blog.example.org /posts/a\n');
    follower.readNow();
    fs.renameSync(logFile, `${logFile}.1`);
    append('- blog.example.org /posts/b\n', `${logFile}.1`); // written before nginx reopened
    append('- blog.example.org /posts/c\n'); // the new file
    follower.readNow();
    append('- blog.example.org /posts/d\n', `${logFile}.1`); // nginx's last buffer, flushed as it reopens
    append('- blog.example.org /posts/e\n');
    follower.readNow();
    follower.readNow();
    follower.stop();
    expect(counted.map((line) => line.split('|')[2]).sort()).toEqual(['/posts/a', '/posts/b', '/posts/c', '/posts/d', '/posts/e']);
    // A restart now reads nothing again.
    const again = follow();
    again.readNow();
    again.stop();
    expect(counted).toHaveLength(5);
  });

  it('starts over on a file truncated in place, and on a rotated one while it was not running', () => {
    append('- blog.example.org /posts/a\n- blog.example.org /posts/b\n');
    const follower = follow();
    follower.readNow();
    fs.truncateSync(logFile, 0);
    append('- blog.example.org /posts/c\n');
    follower.readNow();
    follower.stop();
    fs.renameSync(logFile, `${logFile}.1`);
    append('- blog.example.org /posts/d\n');
    const restarted = follow();
    restarted.readNow();
    restarted.stop();
    expect(counted.map((line) => line.split('|')[2])).toEqual(['/posts/a', '/posts/b', '/posts/c', '/posts/d']);
    expect(errors).toEqual([]);
  });
});
