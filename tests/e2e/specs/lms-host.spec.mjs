// The LMS harness itself (lms/: serve-package.mjs, unzip.mjs, host.html + host.mjs), tested
// with the fake SCO of lms/fake-sco: what the host launches, records, commits, stores and
// gives back on the next launch, what scorm-again refuses, and the package server.
import { test as plain } from '@playwright/test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { test, expect, axe } from '../fixtures.mjs';
import { LMS_PORT } from '../playwright.config.mjs';
import { servePackage } from '../lms/serve-package.mjs';
import { readZip } from '../lms/unzip.mjs';

const LMS = `http://127.0.0.1:${LMS_PORT}/`;
const FAKE_SCO = new URL('../lms/fake-sco/', import.meta.url);

/** Opens the host on the fake SCO and waits for the SCO to have initialized; gives its frame. */
async function launch(page, { base = LMS, content = '/fake-sco/', query = '' } = {}) {
  const params = new URLSearchParams(query);
  if (content) params.set('content', content);
  await page.goto(`${base}?${params}`.replace(/=(?=&|$)/g, ''));
  await expect(page.frameLocator('#sco').locator('#status')).toHaveText(/^Running/);
  return page.frame({ url: /\/index\.html/ });
}

const report = (page) => page.evaluate(() => window.lmsHost.report());
const calls = (page) => page.evaluate(() => window.lmsHost.calls);

/** What the fake SCO's session() sends, in order, for interaction n (0-based). */
function sessionCalls(n, o = {}) {
  const v = { status: 'completed', raw: '85', response: 'b', result: 'correct', location: 'page-3', suspend: 'page=3;answers=b', exit: 'suspend', sessionTime: '00:01:05', ...o };
  const p = `cmi.interactions.${n}.`;
  const ok = (method, extra = {}) => [
    { method, ...extra, result: 'true', error: '0' },
    { method: 'LMSGetLastError', result: '0', error: '0' },
  ];
  const set = (element, value) => ok('LMSSetValue', { element, value });
  return [
    { method: 'LMSGetValue', element: 'cmi.interactions._count', result: String(n), error: '0' },
    ...set('cmi.core.lesson_status', v.status),
    ...set('cmi.core.score.min', '0'),
    ...set('cmi.core.score.max', '100'),
    ...set('cmi.core.score.raw', v.raw),
    ...set(`${p}id`, `q${n + 1}`),
    ...set(`${p}type`, 'choice'),
    ...set(`${p}time`, '10:15:00'),
    ...set(`${p}student_response`, v.response),
    ...set(`${p}correct_responses.0.pattern`, 'b'),
    ...set(`${p}result`, v.result),
    ...set(`${p}latency`, '00:00:04'),
    ...set('cmi.core.lesson_location', v.location),
    ...set('cmi.suspend_data', v.suspend),
    ...ok('LMSCommit'),
    ...set('cmi.core.exit', v.exit),
    ...set('cmi.core.session_time', v.sessionTime),
    ...ok('LMSFinish'),
  ];
}

test('the host reads the manifest and launches the SCO with the learner, the mastery score and ab-initio', async ({ page }) => {
  const sco = await launch(page, { query: 'fresh' });
  expect(await page.evaluate(() => window.lmsHost.launch)).toEqual({
    content: '/fake-sco/',
    manifest: { identifier: 'fake-sco-package', title: 'Fake SCO', item: 'fake-item', resource: 'fake-resource', scormType: 'sco', schemaversion: '1.2' },
    href: 'index.html',
    url: '/fake-sco/index.html',
    masteryScore: '80',
    entry: 'ab-initio',
    stored: null,
  });
  // What the SCO read through window.parent.API after LMSInitialize.
  expect(await sco.evaluate(() => window.sco.launch)).toEqual({
    initialized: true,
    entry: 'ab-initio',
    student_id: 'learner-1',
    student_name: 'Doe, Jane',
    lesson_mode: 'normal',
    credit: 'credit',
    lesson_status: 'not attempted',
    lesson_location: '',
    'score.raw': '',
    total_time: '',
    'student_data.mastery_score': '80',
    launch_data: 'mode=test',
    suspend_data: '',
    'interactions._count': '0',
    'objectives._count': '0',
  });
  const recorded = await calls(page);
  expect(recorded[0]).toEqual({ method: 'LMSInitialize', result: 'true', error: '0' });
  expect(recorded[1]).toEqual({ method: 'LMSGetValue', element: 'cmi.core.entry', result: 'ab-initio', error: '0' });
  expect(recorded).toHaveLength(15);
  expect(await page.evaluate(() => [window.lmsHost.initialized, window.lmsHost.finished, window.lmsHost.committed, window.lmsHost.report()])).toEqual([true, false, null, null]);
  expect(await page.evaluate(() => localStorage.getItem('lms-host.cmi'))).toBeNull();

  // A player's frame: the page's width, 90% of its height.
  const box = await page.locator('#sco').boundingBox();
  const viewport = page.viewportSize();
  expect(box.width).toBe(viewport.width);
  expect(Math.abs(box.height - 0.9 * viewport.height)).toBeLessThan(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LMS host');
  await expect(page.getByRole('status')).toHaveText('Launched “Fake SCO” (index.html), entry: ab-initio.');
  const results = await axe(page).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});

test('every call of a session is recorded, and LMSCommit and LMSFinish store the CMI', async ({ page }) => {
  const sco = await launch(page, { query: 'fresh' });
  const before = (await calls(page)).length;
  const results = await sco.evaluate(() => window.sco.session());
  expect(results.every((r) => r.result === 'true' && r.error === '0')).toBe(true);
  expect((await calls(page)).slice(before)).toEqual(sessionCalls(0));

  // LMSCommit stores what the SCO set; LMSFinish applies the mastery score (85 >= 80).
  const commits = await page.evaluate(() => window.lmsHost.commits.map((c) => [c.method, c.cmi.core.lesson_status, c.cmi.core.exit]));
  expect(commits).toEqual([['LMSCommit', 'completed', ''], ['LMSFinish', 'passed', 'suspend']]);
  expect(await report(page)).toEqual({
    lesson_status: 'passed',
    lesson_location: 'page-3',
    score: { raw: '85', min: '0', max: '100' },
    exit: 'suspend',
    session_time: '00:01:05',
    total_time: '00:01:05',
    suspend_data: 'page=3;answers=b',
    objectives: [],
    interactions: [{
      id: 'q1', time: '10:15:00', type: 'choice', weighting: '', student_response: 'b', result: 'correct',
      latency: '00:00:04', objectives: [], correct_responses: ['b'],
    }],
  });
  const { committed, stored, finished, problems } = await page.evaluate(() => ({
    committed: window.lmsHost.committed,
    stored: JSON.parse(localStorage.getItem('lms-host.cmi')),
    finished: window.lmsHost.finished,
    problems: window.lmsHost.problems(),
  }));
  expect(stored).toEqual(committed);
  expect(committed.core).toMatchObject({ student_id: 'learner-1', student_name: 'Doe, Jane', entry: 'ab-initio', credit: 'credit', lesson_mode: 'normal' });
  expect(committed.student_data.mastery_score).toBe('80');
  expect(finished).toBe(true);
  expect(problems).toEqual([]);
  await expect(page.locator('#tracking')).toHaveText('LMSFinish: passed, score 85, exit suspend.');
});

test('below the mastery score, LMSFinish turns "completed" into "failed"', async ({ page }) => {
  const sco = await launch(page, { query: 'fresh' });
  await sco.evaluate(() => window.sco.session({ raw: '70', exit: '' }));
  const commits = await page.evaluate(() => window.lmsHost.commits.map((c) => c.cmi.core.lesson_status));
  expect(commits).toEqual(['completed', 'failed']);
  expect(await report(page)).toMatchObject({ lesson_status: 'failed', score: { raw: '70' }, exit: '' });
});

test('the next launch resumes a suspended session: entry, suspend data, status, time and interactions come back', async ({ page }) => {
  let sco = await launch(page, { query: 'fresh' });
  await sco.evaluate(() => window.sco.session());

  // (?errors=warn: the write-only elements below are read on purpose.)
  sco = await launch(page, { query: 'errors=warn' });
  expect(await page.evaluate(() => window.lmsHost.launch.entry)).toBe('resume');
  expect(await sco.evaluate(() => window.sco.launch)).toMatchObject({
    entry: 'resume',
    lesson_status: 'passed',
    lesson_location: 'page-3',
    'score.raw': '85',
    total_time: '00:01:05',
    suspend_data: 'page=3;answers=b',
    'interactions._count': '1',
  });
  // The SCO got them through LMSGetValue, as the host recorded.
  const got = (await calls(page)).filter((c) => c.method === 'LMSGetValue').map((c) => [c.element, c.result]);
  expect(got).toEqual(expect.arrayContaining([['cmi.core.entry', 'resume'], ['cmi.suspend_data', 'page=3;answers=b']]));
  // Exit and session time are the new session's, not the stored ones.
  expect(await sco.evaluate(() => [window.sco.get('cmi.core.exit'), window.sco.get('cmi.interactions.0.id')])).toEqual([
    { value: '', error: '404' },
    { value: '', error: '404' },
  ]);

  // A second session appends its interaction and adds its time; it does not suspend.
  const before = (await calls(page)).length;
  await sco.evaluate(() => window.sco.session({ exit: '', sessionTime: '00:00:30', suspend: 'page=4' }));
  expect((await calls(page)).slice(before)).toEqual(sessionCalls(1, { exit: '', sessionTime: '00:00:30', suspend: 'page=4' }));
  const second = await report(page);
  expect(second).toMatchObject({ lesson_status: 'passed', exit: '', session_time: '00:00:30', total_time: '00:01:35', suspend_data: 'page=4' });
  expect(second.interactions.map((i) => i.id)).toEqual(['q1', 'q2']);

  // Not suspended: the third launch's entry is "", its data still there.
  sco = await launch(page);
  expect(await sco.evaluate(() => window.sco.launch)).toMatchObject({ entry: '', suspend_data: 'page=4', total_time: '00:01:35', 'interactions._count': '2' });

  // ?fresh forgets it all.
  sco = await launch(page, { query: 'fresh' });
  expect(await sco.evaluate(() => window.sco.launch)).toMatchObject({ entry: 'ab-initio', suspend_data: '', lesson_status: 'not attempted' });
});

test('a test can preload the CMI of an earlier session with window.lmsHostPreload', async ({ page }) => {
  await page.addInitScript(() => {
    window.lmsHostPreload = {
      core: { lesson_status: 'incomplete', lesson_location: 'sre', exit: 'suspend', session_time: '00:09:00', total_time: '01:00:00', score: { raw: '40', min: '', max: '100' } },
      suspend_data: 'from-the-test',
      interactions: { 0: { id: 'q1', type: 'choice', result: 'wrong', latency: '00:00:03', student_response: 'a', correct_responses: { 0: { pattern: 'b' } } } },
    };
  });
  // ?fresh clears the host's storage, not the preload.
  const sco = await launch(page, { query: 'fresh' });
  expect(await sco.evaluate(() => window.sco.launch)).toMatchObject({
    entry: 'resume',
    lesson_status: 'incomplete',
    lesson_location: 'sre',
    'score.raw': '40',
    total_time: '01:00:00',
    suspend_data: 'from-the-test',
    'interactions._count': '1',
  });
  await sco.evaluate(() => {
    window.sco.set('cmi.core.session_time', '00:00:10');
    window.sco.finish();
  });
  // The session's own exit ("" unless set again) and time, added to the stored total;
  // the stored score, 40, below the mastery score: LMSFinish fails the learner.
  expect(await report(page)).toMatchObject({ lesson_status: 'failed', exit: '', session_time: '00:00:10', total_time: '01:00:10', suspend_data: 'from-the-test' });
  expect((await report(page)).interactions).toEqual([
    { id: 'q1', time: '', type: 'choice', weighting: '', student_response: 'a', result: 'wrong', latency: '00:00:03', objectives: [], correct_responses: ['b'] },
  ]);
});

test('scorm-again refuses what SCORM 1.2 does not allow, and LMSGetLastError says why', async ({ page }) => {
  const sco = await launch(page, { query: 'fresh&errors=warn' });
  const cases = [
    ['cmi.core.lesson_status', 'not attempted', '405'],
    ['cmi.core.lesson_status', 'done', '405'],
    ['cmi.core.score.raw', '101', '405'],
    ['cmi.core.score.raw', 'high', '405'],
    ['cmi.core.student_name', 'Someone', '403'],
    ['cmi.core.entry', 'resume', '403'],
    ['cmi.core.exit', 'quit', '405'],
    ['cmi.core.session_time', 'PT1M5S', '405'],
    ['cmi.core.nothing', 'x', '401'],
    ['cmi.core._children', 'x', '402'],
    ['cmi.interactions.1.id', 'q2', '201'],
    ['cmi.interactions.0.id', 'q1', '0'],
    ['cmi.interactions.0.id', 'frage-ü', '405'],
    ['cmi.interactions.0.type', 'multiple-choice', '405'],
    ['cmi.interactions.0.type', 'choice', '0'],
    ['cmi.interactions.0.result', 'right', '405'],
    ['cmi.interactions.0.result', '', '405'],
    ['cmi.interactions.0.result', 'incorrect', '0'],
    ['cmi.interactions.0.result', '75.5', '0'],
    ['cmi.interactions.0.latency', 'PT2S', '405'],
    ['cmi.interactions.0.latency', '0:00:02', '0'],
    ['cmi.interactions.0.time', '25:00:00', '405'],
    ['cmi.interactions.0.time', '2026-01-01T10:00:00', '405'],
    ['cmi.interactions.0.weighting', '101', '405'],
    ['cmi.interactions.0.student_response', 'a\nb', '405'],
    ['cmi.interactions.0.student_response', 'a,b', '0'],
    ['cmi.core.lesson_location', 'x'.repeat(256), '405'],
    ['cmi.suspend_data', 'x'.repeat(64001), '405'],
    ['cmi.suspend_data', 'x'.repeat(64000), '0'],
  ];
  const got = await sco.evaluate((list) => list.map(([element, value]) => {
    const { result, error } = window.sco.set(element, value);
    return [element, value.length > 40 ? `${value.length} chars` : value, result, error];
  }), cases);
  expect(got).toEqual(cases.map(([element, value, error]) => [element, value.length > 40 ? `${value.length} chars` : value, error === '0' ? 'true' : 'false', error]));

  expect(await sco.evaluate(() => [
    window.sco.get('cmi.core.exit'),
    window.sco.get('cmi.interactions.0.result'),
    window.sco.get('cmi.core.lesson_status._children'),
    window.sco.get('cmi.core._count'),
    window.sco.api.LMSGetErrorString('405'),
  ])).toEqual([
    { value: '', error: '404' },
    { value: '', error: '404' },
    { value: '', error: '202' },
    { value: '', error: '203' },
    'Incorrect Data Type',
  ]);
  // "incorrect" was taken as "wrong", the latency normalised, the last values kept.
  await sco.evaluate(() => window.sco.finish());
  expect((await report(page)).interactions).toEqual([
    { id: 'q1', time: '', type: 'choice', weighting: '', student_response: 'a,b', result: '75.5', latency: '00:00:02', objectives: [], correct_responses: [] },
  ]);

  // After LMSFinish: no second session; scorm-again still takes values and commits,
  // which the host reports as problems and does not store.
  const storedBefore = await page.evaluate(() => localStorage.getItem('lms-host.cmi'));
  expect(await sco.evaluate(() => [
    { result: window.sco.api.LMSInitialize(''), error: window.sco.api.LMSGetLastError() },
    window.sco.set('cmi.core.lesson_location', 'later'),
    window.sco.commit(),
    window.sco.finish(),
  ])).toEqual([
    { result: 'false', error: '101' },
    { result: 'true', error: '0' },
    { result: 'true', error: '0' },
    { result: 'true', error: '101' },
  ]);
  expect(await page.evaluate(() => localStorage.getItem('lms-host.cmi'))).toBe(storedBefore);
  const problems = await page.evaluate(() => window.lmsHost.problems());
  expect(problems.filter((p) => p.reason !== 'after LMSFinish').map((p) => [p.element, p.error])).toEqual(
    cases.filter(([, , error]) => error !== '0').map(([element, , error]) => [element, error]).concat([
      ['cmi.core.exit', '404'],
      ['cmi.interactions.0.result', '404'],
      ['cmi.core.lesson_status._children', '202'],
      ['cmi.core._count', '203'],
    ]),
  );
  expect(problems.filter((p) => p.reason === 'after LMSFinish').map((p) => [p.method, p.result, p.error])).toEqual([
    ['LMSInitialize', 'false', '101'],
    ['LMSSetValue', 'true', '0'],
    ['LMSCommit', 'true', '0'],
    ['LMSFinish', 'true', '101'],
  ]);
});

plain('without ?errors=warn a refused call is a console error, which fixtures.mjs fails a test on', async ({ page }) => {
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const sco = await launch(page, { query: 'fresh' });
  expect(errors).toEqual([]);
  expect(await sco.evaluate(() => window.sco.set('cmi.core.score.raw', '101'))).toEqual({ result: 'false', error: '405' });
  await expect.poll(() => errors).toContainEqual(expect.stringContaining('SCORM Error 405'));
});

plain('the server answers folders with 404 and each file with its type', async ({ request }) => {
  const status = async (path) => (await request.get(`${LMS}${path}`)).status();
  expect(await status('')).toBe(200);
  for (const folder of ['fake-sco/', 'fake-sco', 'content/', 'content']) expect(await status(folder), folder).toBe(404);
  expect(await status('fake-sco/nothing.html')).toBe(404);
  const type = async (path) => (await request.get(`${LMS}${path}`)).headers()['content-type'];
  expect(await type('')).toBe('text/html; charset=utf-8');
  expect(await type('host.mjs')).toBe('text/javascript; charset=utf-8');
  expect(await type('scorm-again/scorm12.js')).toBe('text/javascript; charset=utf-8');
  expect(await type('fake-sco/imsmanifest.xml')).toBe('application/xml; charset=utf-8');
});

// A zip writer for the tests of the reader: stored or deflated entries, folders, flags.
function makeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data = null, method = 8, flags = 0, rawMethod } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const bytes = data === null ? Buffer.alloc(0) : Buffer.from(data);
    const body = method === 8 && data !== null ? deflateRawSync(bytes) : bytes;
    const m = rawMethod ?? (data === null ? 0 : method);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(flags | 0x800, 6);
    head.writeUInt16LE(m, 8);
    head.writeUInt16LE(0x21, 12);
    head.writeUInt32LE(crc32(bytes), 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(bytes.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags | 0x800, 8);
    central.writeUInt16LE(m, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc32(bytes), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(bytes.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += head.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

plain('the zip reader takes stored and deflated entries and refuses what it cannot read', () => {
  const zip = readZip(makeZip([
    { name: 'a/', data: null },
    { name: 'a/b.txt', data: 'hello', method: 0 },
    { name: 'c.txt', data: 'x'.repeat(1000) },
    { name: 'ü.txt', data: 'utf-8 name' },
  ]));
  expect(zip.names()).toEqual(['a/', 'a/b.txt', 'c.txt', 'ü.txt']);
  expect(zip.read('a/b.txt').toString()).toBe('hello');
  expect(zip.read('c.txt').toString()).toBe('x'.repeat(1000));
  expect(zip.entry('c.txt')).toMatchObject({ method: 'deflate', size: 1000 });
  expect(zip.read('ü.txt').toString()).toBe('utf-8 name');
  expect([zip.read('a/'), zip.read('nothing'), zip.has('a/'), zip.isFolder('a'), zip.isFolder('a/'), zip.isFolder('c.txt')]).toEqual([null, null, false, true, true, false]);

  expect(() => readZip(makeZip([{ name: 'x.txt', data: 'x', rawMethod: 12 }]))).toThrow('zip: x.txt: compression method 12 is not supported (only 0, stored, and 8, deflate)');
  expect(() => readZip(makeZip([{ name: 'x.txt', data: 'x', flags: 1 }]))).toThrow('zip: x.txt: encrypted entries are not supported');
  expect(() => readZip(makeZip([{ name: '../x.txt', data: 'x' }]))).toThrow('zip: unsafe entry name "../x.txt"');
  expect(() => readZip(makeZip([{ name: 'x.txt', data: 'x' }, { name: 'x.txt', data: 'y' }]))).toThrow('zip: x.txt: the name appears twice');
  expect(() => readZip(Buffer.from('not a zip at all, just some text'))).toThrow('zip: no end-of-central-directory record');
  const corrupt = makeZip([{ name: 'x.txt', data: 'hello', method: 0 }]);
  corrupt[30 + 'x.txt'.length] ^= 0xff;
  expect(() => readZip(corrupt).read('x.txt')).toThrow('zip: x.txt: CRC-32 mismatch');
});

plain.describe('a package served from its zip', () => {
  let dir;
  let server;
  let base;
  plain.beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lms-host-'));
    const file = async (name) => readFile(new URL(name, FAKE_SCO));
    const zip = join(dir, 'fake-sco.zip');
    await writeFile(zip, makeZip([
      { name: 'imsmanifest.xml', data: await file('imsmanifest.xml') },
      { name: 'index.html', data: await file('index.html'), method: 0 },
      { name: 'sco.js', data: await file('sco.js') },
      { name: 'sub/', data: null },
      { name: 'sub/index.html', data: '<!doctype html><title>x</title>' },
    ]));
    server = await servePackage(zip, 0);
    base = `http://127.0.0.1:${server.address().port}/`;
  });
  plain.afterAll(async () => {
    await new Promise((done) => server.close(done));
    await rm(dir, { recursive: true, force: true });
  });

  test('runs the SCO from /content/, straight out of the zip', async ({ page }) => {
    const sco = await launch(page, { base, content: null, query: 'fresh' });
    expect(await page.evaluate(() => window.lmsHost.launch.url)).toBe('/content/index.html');
    await sco.evaluate(() => window.sco.session());
    expect(await report(page)).toMatchObject({ lesson_status: 'passed', suspend_data: 'page=3;answers=b' });
    const served = server.stats().requests.filter((r) => r.path.startsWith('/content/'));
    expect(served).toEqual([
      { path: '/content/imsmanifest.xml', status: 200 },
      { path: '/content/index.html', status: 200 },
      { path: '/content/sco.js', status: 200 },
    ]);
  });

  plain('answers folders with 404, files with their bytes and type, a missing package with 503', async ({ request }) => {
    for (const folder of ['content/sub/', 'content/sub', 'content/', 'content']) {
      expect((await request.get(`${base}${folder}`)).status(), folder).toBe(404);
    }
    const index = await request.get(`${base}content/sub/index.html`);
    expect([index.status(), index.headers()['content-type'], await index.text()]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>x</title>']);
    const js = await request.get(`${base}content/sco.js`);
    expect([js.headers()['content-type'], await js.text()]).toEqual(['text/javascript; charset=utf-8', await readFile(new URL('sco.js', FAKE_SCO), 'utf8')]);

    const missing = await servePackage(join(dir, 'nothing.zip'), 0);
    try {
      const at = `http://127.0.0.1:${missing.address().port}/`;
      expect((await request.get(at)).status()).toBe(200);
      const manifest = await request.get(`${at}content/imsmanifest.xml`);
      expect(manifest.status()).toBe(503);
      expect(await manifest.text()).toContain('nothing.zip does not exist (yet): run `cargo xtask package`');
    } finally {
      await new Promise((done) => missing.close(done));
    }
  });
});
