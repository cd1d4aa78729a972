// The LMS page's script (see host.html for what scorm-again does). It plays the LMS of
// one SCORM 1.2 package for one learner:
//
// 1. reads `${content}imsmanifest.xml` (content = `?content=/fake-sco/`, default
//    `/content/`): the default organization's first item with an identifierref, its
//    resource's href (+ xml:base, + the item's parameters) as the entry point, and the
//    item's adlcp:masteryscore, adlcp:datafromlms, adlcp:maxtimeallowed and
//    adlcp:timelimitaction;
// 2. creates `window.API = new Scorm12API(…)`, preloaded with the learner
//    (cmi.core.student_id / student_name, `?student_id=` / `?student_name=` or
//    "learner-1" / "Doe, Jane"), lesson_mode "normal", credit "credit", the manifest's
//    mastery score, launch data and time limits, and the CMI stored by an earlier session
//    if any: `window.lmsHostPreload` (set by a test with page.addInitScript; a CMI object
//    as `lmsHost.committed` holds, with or without a top `cmi` key), else
//    localStorage['lms-host.cmi']. From it come lesson_status, lesson_location, score,
//    total_time, suspend_data, objectives, interactions, comments, preferences; not exit,
//    session_time nor entry. cmi.core.entry is "ab-initio" without stored CMI, "resume"
//    when the stored exit is "suspend", "" otherwise (as SCORM 1.2 says; the data is still
//    given back, as Moodle does);
// 3. launches the entry point in <iframe id="sco">, 100% × 90vh.
//
// `?fresh` forgets the stored CMI first. `?errors=warn` sends scorm-again's error
// messages (a refused call: "SCORM Error 405: …") to console.warn instead of
// console.error, for tests that make refused calls on purpose under fixtures.mjs.
//
// window.lmsHost, for the tests:
//   calls       every call the SCO made, in order: { method, element?, value?, result,
//               error } (element: the CMI element of LMSGetValue/LMSSetValue, or the
//               code given to LMSGetErrorString/LMSGetDiagnostic; value: as passed to
//               LMSSetValue; result: what the SCO got; error: LMSGetLastError after it)
//   committed   the CMI as last committed (api.renderCommitCMI(true).cmi: a plain object
//               with core.total_time = stored total + this session), after every
//               successful LMSCommit and LMSFinish, also saved to
//               localStorage['lms-host.cmi']; null before the first commit
//   commits     every one of those: [{ method: 'LMSCommit' | 'LMSFinish', cmi }]
//   initialized true after a successful LMSInitialize; finished: after LMSFinish
//   launch      { content, manifest: { identifier, title, item, resource, scormType,
//               schemaversion }, href, url, masteryScore, entry, stored (the CMI loaded,
//               or null) }
//   report()    the committed CMI in short, or null: { lesson_status, lesson_location,
//               score: { raw, min, max }, exit, session_time, total_time, suspend_data,
//               objectives: [{ id, status, score }], interactions: [{ id, time, type,
//               weighting, student_response, result, latency, objectives: [id…],
//               correct_responses: [pattern…] }] }
//   problems()  what a real LMS would hold against the SCO: every call that set an error,
//               and every call after LMSFinish (scorm-again still answers LMSSetValue,
//               LMSGetValue and LMSCommit then; Moodle answers "false", 301), as
//               { index, method, element, value, result, error, reason }
//   log         scorm-again's messages of level WARN and above: [{ level, message }]
//   state       'loading', 'launched' or 'error' (then `error` says why)
//   api         the Scorm12API object itself
// A call after LMSFinish is also reported on the console (as an error, or a warning
// with ?errors=warn), and a commit after LMSFinish is not stored: the session is over.

const STORE = 'lms-host.cmi';
const METHODS = [
  'LMSInitialize',
  'LMSFinish',
  'LMSGetValue',
  'LMSSetValue',
  'LMSCommit',
  'LMSGetLastError',
  'LMSGetErrorString',
  'LMSGetDiagnostic',
];
/** Calls that only read the error state, harmless after LMSFinish. */
const ERROR_QUERIES = new Set(['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']);

const params = new URLSearchParams(location.search);
const warnOnly = params.get('errors') === 'warn';
const reportError = (message) => (warnOnly ? console.warn : console.error)(message);
const content = params.get('content') ?? '/content/';

const host = {
  calls: [],
  committed: null,
  commits: [],
  initialized: false,
  finished: false,
  launch: null,
  log: [],
  state: 'loading',
  error: null,
  api: null,
  report,
  problems,
};
window.lmsHost = host;

const status = document.getElementById('status');
const tracking = document.getElementById('tracking');

try {
  if (params.has('fresh')) localStorage.removeItem(STORE);
  if (!/^\/(?!\/)/.test(content) || !content.endsWith('/')) {
    throw new Error(`?content= must be a path of this origin ending in a slash, not ${JSON.stringify(content)}`);
  }
  const manifest = await readManifest(content);
  const stored = storedCmi();
  const entry = !stored ? 'ab-initio' : stored.core?.exit === 'suspend' ? 'resume' : '';
  const api = createApi(manifest, stored, entry);
  host.api = api;
  window.API = api;
  const url = new URL(manifest.href, new URL(content, location.href));
  host.launch = {
    content,
    manifest: manifest.about,
    href: manifest.href,
    url: url.pathname + url.search,
    masteryScore: manifest.masteryScore,
    entry,
    stored,
  };
  const frame = document.createElement('iframe');
  frame.id = 'sco';
  frame.title = manifest.about.title || 'The course';
  frame.src = host.launch.url;
  document.getElementById('player').append(frame);
  host.state = 'launched';
  status.textContent = `Launched “${frame.title}” (${manifest.href}), entry: ${entry || '(empty)'}.`;
} catch (error) {
  host.state = 'error';
  host.error = error.message;
  status.textContent = `Could not launch the package: ${error.message}`;
  console.error(`lms-host: ${error.message}`);
}

/** The package's manifest: entry point, mastery score and the rest the LMS passes on. */
async function readManifest(base) {
  const response = await fetch(`${base}imsmanifest.xml`, { cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.text()).trim();
    throw new Error(`${base}imsmanifest.xml: ${response.status} ${body}`);
  }
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) {
    throw new Error(`${base}imsmanifest.xml is not well-formed XML`);
  }
  // By local name: the manifest's namespaces are imscp and adlcp, whichever prefixes.
  const all = (parent, name) => [...parent.getElementsByTagNameNS('*', name)];
  const child = (parent, name) => [...parent.children].find((el) => el.localName === name);
  const text = (parent, name) => child(parent, name)?.textContent.trim() ?? '';
  const attr = (el, name) => [...el.attributes].find((a) => a.localName === name)?.value ?? null;

  const root = doc.documentElement;
  if (root.localName !== 'manifest') throw new Error(`the manifest's root is <${root.localName}>, not <manifest>`);
  const organizations = all(root, 'organizations')[0];
  const orgs = organizations ? all(organizations, 'organization') : [];
  const org = orgs.find((o) => o.getAttribute('identifier') === organizations.getAttribute('default')) ?? orgs[0];
  if (!org) throw new Error('the manifest has no <organization>');
  const item = all(org, 'item').find((el) => el.getAttribute('identifierref'));
  if (!item) throw new Error('no <item> of the organization has an identifierref');
  const ref = item.getAttribute('identifierref');
  const resource = all(root, 'resource').find((el) => el.getAttribute('identifier') === ref);
  if (!resource) throw new Error(`no <resource identifier="${ref}">`);
  const href = resource.getAttribute('href');
  if (!href) throw new Error(`the resource ${ref} has no href`);
  const bases = [resource.parentElement, resource].map((el) => el?.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'base') ?? '');
  return {
    href: withParameters(bases.join('') + href, item.getAttribute('parameters') ?? ''),
    masteryScore: text(item, 'masteryscore'),
    launchData: text(item, 'datafromlms'),
    maxTimeAllowed: text(item, 'maxtimeallowed'),
    timeLimitAction: text(item, 'timelimitaction'),
    about: {
      identifier: root.getAttribute('identifier'),
      title: text(org, 'title') || text(item, 'title'),
      item: item.getAttribute('identifier'),
      resource: ref,
      scormType: attr(resource, 'scormtype') ?? attr(resource, 'scormType'),
      schemaversion: all(root, 'schemaversion')[0]?.textContent.trim() ?? '',
    },
  };
}

/** The href with the item's parameters, joined as IMS CP says: `?a=1`, `&a=1`, `#x` or `a=1`. */
function withParameters(href, parameters) {
  if (!parameters) return href;
  if (parameters.startsWith('#')) return href + parameters;
  return href + (href.includes('?') ? '&' : '?') + parameters.replace(/^[?&]/, '');
}

/** The CMI of an earlier session: the test's preload, else what this host stored. */
function storedCmi() {
  let stored = window.lmsHostPreload ?? null;
  if (!stored) {
    const saved = localStorage.getItem(STORE);
    stored = saved ? JSON.parse(saved) : null;
  }
  return stored?.cmi ?? stored;
}

function createApi(manifest, stored, entry) {
  const api = new window.Scorm12API({
    lmsCommitUrl: false,
    autocommit: false,
    mastery_override: true,
    logLevel: 3,
    onLogMessage(level, message) {
      const rank = typeof level === 'number' ? level : ({ DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 }[String(level).toUpperCase()] ?? Number(level));
      host.log.push({ level: rank, message });
      if (rank >= 4) reportError(message);
    },
  });
  if (stored) {
    const { exit, session_time, entry: _entry, student_id, student_name, credit, lesson_mode, ...core } = stored.core ?? {};
    const { student_data, launch_data, ...rest } = stored;
    try {
      api.loadFromJSON({ ...rest, core });
    } catch (error) {
      throw new Error(`the stored CMI could not be loaded: ${error.message}`);
    }
  }
  api.loadFromJSON({
    core: {
      student_id: params.get('student_id') ?? 'learner-1',
      student_name: params.get('student_name') ?? 'Doe, Jane',
      lesson_mode: 'normal',
      credit: 'credit',
      entry,
    },
    student_data: {
      mastery_score: manifest.masteryScore,
      max_time_allowed: manifest.maxTimeAllowed,
      time_limit_action: manifest.timeLimitAction,
    },
    launch_data: manifest.launchData,
  });
  for (const method of METHODS) {
    const original = api[method];
    api[method] = function recorded(...args) {
      const after = host.finished && !ERROR_QUERIES.has(method);
      const result = original.apply(api, args);
      const call = { method };
      if (method === 'LMSGetValue' || method === 'LMSSetValue' || ERROR_QUERIES.has(method)) {
        if (method !== 'LMSGetLastError') call.element = args[0];
      }
      if (method === 'LMSSetValue') call.value = args[1];
      call.result = result;
      call.error = String(api.lastErrorCode);
      host.calls.push(call);
      if (after) {
        reportError(`lms-host: ${method}(${args.map((a) => JSON.stringify(a)).join(', ')}) after LMSFinish: a real LMS refuses it ("false", 301)`);
      } else if (result === 'true' && (method === 'LMSCommit' || method === 'LMSFinish')) {
        save(api, method);
      }
      if (result === 'true' && method === 'LMSInitialize') host.initialized = true;
      if (result === 'true' && method === 'LMSFinish') host.finished = true;
      return result;
    };
  }
  return api;
}

function save(api, method) {
  const cmi = api.renderCommitCMI(true).cmi;
  host.committed = cmi;
  host.commits.push({ method, cmi });
  localStorage.setItem(STORE, JSON.stringify(cmi));
  const core = cmi.core;
  tracking.textContent = `${method}: ${core.lesson_status}${core.score.raw !== '' ? `, score ${core.score.raw}` : ''}, exit ${core.exit || '(empty)'}.`;
}

/** A collection of the CMI ({ 0: …, 1: … }) as an array. */
const list = (collection) =>
  Object.keys(collection ?? {})
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => collection[key]);

function report() {
  const cmi = host.committed;
  if (!cmi) return null;
  const { core } = cmi;
  return {
    lesson_status: core.lesson_status,
    lesson_location: core.lesson_location,
    score: { ...core.score },
    exit: core.exit,
    session_time: core.session_time,
    total_time: core.total_time,
    suspend_data: cmi.suspend_data,
    objectives: list(cmi.objectives).map(({ id, status, score }) => ({ id, status, score: { ...score } })),
    interactions: list(cmi.interactions).map(({ objectives, correct_responses, ...fields }) => ({
      ...fields,
      objectives: list(objectives).map((o) => o.id),
      correct_responses: list(correct_responses).map((r) => r.pattern),
    })),
  };
}

function problems() {
  const out = [];
  let finished = false;
  host.calls.forEach((call, index) => {
    if (finished && !ERROR_QUERIES.has(call.method)) out.push({ index, ...call, reason: 'after LMSFinish' });
    else if (call.error !== '0' && !ERROR_QUERIES.has(call.method)) out.push({ index, ...call, reason: `error ${call.error}` });
    if (call.method === 'LMSFinish' && call.result === 'true') finished = true;
  });
  return out;
}
